import { scriptSafeJson, withPageData } from '../../src/ui/page-data';

describe('data embedded in a page', () => {
  const hostile = { text: '</script><img src=x onerror=alert(1)><!-- & \u2028\u2029 "quoted"' };

  test('the JSON holds no character that could end the script element or start a tag', () => {
    const json = scriptSafeJson(hostile);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(hostile);
  });

  test('fills the named slot once and refuses a page without it', () => {
    const page = '<body><script type="application/json" id="x-data">null</script><p>$& $1</p></body>';
    const out = withPageData(page, 'x-data', hostile);
    const json = /id="x-data">(.*?)<\/script>/.exec(out)?.[1] ?? '';
    expect(JSON.parse(json)).toEqual(hostile);
    expect(out).toContain('<p>$& $1</p>');
    expect(out.match(/<script/g)).toHaveLength(1);
    expect(() => withPageData('<body></body>', 'x-data', {})).toThrow(/no data slot/);
    expect(() => withPageData(page, 'x"y', {})).toThrow(/Bad page data id/);
  });
});
