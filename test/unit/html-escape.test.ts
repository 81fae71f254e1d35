import { escapeHtml } from '../../src/core/html-escape';

describe('escapeHtml', () => {
  test('escapeHtml escapes markup and quotes and keeps everything else', () => {
    expect(escapeHtml(`<script>alert('x')</script> & "q" Zoë 🎉`)).toBe(
      '&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; Zoë 🎉',
    );
  });
  test('text that is already an entity is escaped again, so it shows as typed', () => {
    expect(escapeHtml('&amp; &lt;')).toBe('&amp;amp; &amp;lt;');
  });
});
