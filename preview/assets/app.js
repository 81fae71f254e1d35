// The preview page: draws what /api/state says (sheets, menu, outbox, log) and
// runs menu items through /api/run. Everything from the server is shown with
// textContent, never as HTML.
(function () {
  'use strict';

  var state = null;
  var currentSheet = null;
  var openSidebarId = null;
  var openDialogId = null;

  function $(id) {
    return document.getElementById(id);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function columnLetter(n) {
    var s = '';
    while (n > 0) {
      var m = (n - 1) % 26;
      s = String.fromCharCode(65 + m) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (r) {
      return r.json();
    });
  }

  // Responses can come back out of order; an older state never replaces a newer one.
  var refreshesAsked = 0;
  var refreshShown = 0;
  function refresh() {
    var asked = ++refreshesAsked;
    return fetch('/api/state')
      .then(function (r) {
        return r.json();
      })
      .then(function (s) {
        if (asked < refreshShown) return;
        refreshShown = asked;
        state = s;
        render();
      });
  }

  // ---- notices (toasts, alerts, errors of menu items) -------------------------
  function notice(kind, title, text) {
    var box = el('div', 'notice notice-' + kind);
    box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    var body = el('div', 'notice-body');
    if (title) body.appendChild(el('strong', null, title));
    if (text) {
      var lines = String(text).split('\n');
      for (var i = 0; i < lines.length; i++) body.appendChild(el('span', 'notice-line', lines[i]));
    }
    box.appendChild(body);
    var close = el('button', 'icon-button', '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'Dismiss');
    close.addEventListener('click', function () {
      box.remove();
    });
    box.appendChild(close);
    var notices = $('notices');
    notices.insertBefore(box, notices.firstChild);
    while (notices.children.length > 5) notices.removeChild(notices.lastChild);
  }

  function handleOutcome(fn, outcome, fromMenu) {
    if (!outcome) return;
    (outcome.alerts || []).forEach(function (a) {
      notice('alert', a.title || 'Alert', a.prompt + (a.response ? '\n(answered ' + a.response + ' in the preview)' : ''));
    });
    (outcome.toasts || []).forEach(function (t) {
      notice('toast', t.title, t.message);
    });
    if (fromMenu && !outcome.ok) notice('error', 'Error running ' + fn, outcome.error);
    (outcome.opened || []).forEach(function (d) {
      if (d.kind === 'sidebar') openSidebar(d);
      else openDialog(d);
    });
  }

  function runMenuItem(fn) {
    return post('/api/run', { fn: fn, args: [] }).then(function (outcome) {
      handleOutcome(fn, outcome, true);
      return refresh();
    });
  }

  // ---- sidebar and dialogs -------------------------------------------------------
  function openSidebar(d) {
    openSidebarId = d.id;
    $('sidebar-title').textContent = d.title || 'Sidebar';
    var frame = $('sidebar-frame');
    frame.title = (d.title || 'Sidebar') + ' (add-on sidebar)';
    frame.src = '/ui/' + d.id;
    $('sidebar').hidden = false;
    document.body.classList.add('with-sidebar');
  }

  function closeSidebar() {
    openSidebarId = null;
    $('sidebar').hidden = true;
    $('sidebar-frame').src = 'about:blank';
    document.body.classList.remove('with-sidebar');
  }

  function openDialog(d) {
    openDialogId = d.id;
    var dialog = $('dialog');
    $('dialog-title').textContent = d.title || 'Dialog';
    var frame = $('dialog-frame');
    frame.title = (d.title || 'Dialog') + ' (add-on dialog)';
    frame.style.width = (d.width || 600) + 'px';
    frame.style.height = (d.height || 400) + 'px';
    frame.src = '/ui/' + d.id;
    if (!dialog.open) {
      if (d.kind === 'modal') dialog.showModal();
      else dialog.show();
    }
  }

  function closeDialog() {
    openDialogId = null;
    var dialog = $('dialog');
    if (dialog.open) dialog.close();
    $('dialog-frame').src = 'about:blank';
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin) return;
    var frames = [$('sidebar-frame').contentWindow, $('dialog-frame').contentWindow];
    if (frames.indexOf(event.source) < 0) return;
    var data = event.data || {};
    if (data.type === 'irt-preview:ran') {
      handleOutcome(data.fn, data.outcome, false);
      refresh();
    } else if (data.type === 'irt-preview:close') {
      if (data.dialog === openSidebarId) closeSidebar();
      else if (data.dialog === openDialogId) closeDialog();
    } else if (data.type === 'irt-preview:resize' && data.dialog === openDialogId) {
      if (data.width) $('dialog-frame').style.width = data.width + 'px';
      if (data.height) $('dialog-frame').style.height = data.height + 'px';
    }
  });

  $('grid').addEventListener('click', function (e) {
    if (editing) return;
    var td = e.target.closest ? e.target.closest('td') : null;
    if (!td || !currentSheet) return;
    var tr = td.parentNode;
    var column = Array.prototype.indexOf.call(tr.children, td); // the row number is child 0
    if (column < 1) return;
    select(currentSheet, Number(tr.dataset.row), column);
  });

  // Typing into a cell, as in Sheets: double-click (or Enter/F2 on the selected cell),
  // Enter saves and fires onEdit, Escape cancels.
  var editing = false;
  function editCell(td) {
    if (editing || !currentSheet || !td || !td.dataset.cell) return;
    var tr = td.parentNode;
    var row = Number(tr.dataset.row);
    var column = Array.prototype.indexOf.call(tr.children, td);
    editing = true;
    var input = document.createElement('input');
    input.className = 'cell-editor';
    input.value = td.dataset.formula || td.textContent;
    input.setAttribute('aria-label', 'Edit cell ' + td.dataset.cell);
    td.replaceChildren(input);
    input.focus();
    input.select();
    var done = false;
    function finish(save) {
      if (done) return;
      done = true;
      editing = false;
      if (!save) return refresh();
      post('/api/edit', { sheet: currentSheet, row: row, column: column, value: input.value }).then(function (outcome) {
        if (!outcome.ok) notice('error', 'Cell not changed', outcome.error);
        else handleOutcome('onEdit', outcome, false);
        return refresh();
      });
    }
    input.addEventListener('keydown', function (e) {
      e.stopPropagation(); // the grid's own keys (Enter opens an editor) are not for the editor's typing
      if (e.key === 'Enter') {
        e.preventDefault();
        finish(true);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        finish(false);
      }
    });
    input.addEventListener('blur', function () {
      finish(false);
    });
  }

  $('grid').addEventListener('dblclick', function (e) {
    editCell(e.target.closest ? e.target.closest('td') : null);
  });

  $('sidebar-close').addEventListener('click', closeSidebar);
  $('dialog-close').addEventListener('click', closeDialog);
  $('dialog').addEventListener('close', function () {
    openDialogId = null;
  });

  // ---- selection (the active range the add-on reads) ------------------------------
  // The selection is shown at once and kept until the server's state has it: Enter or
  // an arrow key right after a click acts on the new cell, not on the one the server
  // still had. Selections reach the server one after another, in the order made.
  var pendingSelection = null;
  var selectionsSent = Promise.resolve();
  function currentSelection() {
    return pendingSelection || (state && state.selection) || null;
  }
  function select(sheet, row, column) {
    var mine = { sheet: sheet, row: row, column: column };
    pendingSelection = mine;
    showSelection();
    selectionsSent = selectionsSent.then(function () {
      return post('/api/select', mine)
        .then(refresh)
        .then(function () {
          if (pendingSelection === mine) {
            pendingSelection = null;
            showSelection();
          }
        })
        .catch(function (error) {
          // A lost selection must not block the ones after it; the server's own is shown.
          if (pendingSelection === mine) pendingSelection = null;
          notice('error', 'Cell not selected', String(error && error.message ? error.message : error));
          return refresh();
        });
    });
    return selectionsSent;
  }

  // Marks the selected cell in place: the cells stay the same elements, so a
  // double-click that began on one still lands on it.
  function showSelection() {
    if (editing || !state) return;
    var sel = currentSelection();
    var td = sel && sel.sheet === currentSheet ? document.querySelector('#grid td[data-cell="' + columnLetter(sel.column) + sel.row + '"]') : null;
    if (sel && sel.sheet === currentSheet && !td) return renderGrid(); // past the drawn cells: the grid grows
    Array.prototype.forEach.call(document.querySelectorAll('#grid td.selected'), function (old) {
      old.classList.remove('selected');
      old.removeAttribute('aria-selected');
    });
    Array.prototype.forEach.call(document.querySelectorAll('#grid tr.selected-row'), function (old) {
      old.classList.remove('selected-row');
    });
    $('grid-wrap').setAttribute('aria-label', currentSheet + ' sheet' + (td ? ', selected cell ' + td.dataset.cell : '') + ' (arrow keys move the selection)');
    if (!td) return;
    td.classList.add('selected');
    td.setAttribute('aria-selected', 'true');
    td.parentNode.classList.add('selected-row');
  }

  $('grid-wrap').addEventListener('keydown', function (e) {
    if (editing) return; // the cell editor has the keys
    var sel = currentSelection();
    if (!sel || sel.sheet !== currentSheet) return;
    var moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if ((e.key === 'Enter' || e.key === 'F2') && !editing) {
      e.preventDefault();
      editCell(document.querySelector('#grid td.selected'));
      return;
    }
    var move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    select(sel.sheet, Math.max(1, sel.row + move[0]), Math.max(1, sel.column + move[1]));
  });

  // ---- rendering -----------------------------------------------------------------
  function renderMenus() {
    var bar = $('menubar');
    bar.replaceChildren();
    (state.menus || []).forEach(function (menu) {
      var group = el('div', 'menu');
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', menu.caption + ' menu');
      group.appendChild(el('span', 'menu-title', menu.caption));
      addEntries(group, menu.entries, '');
      bar.appendChild(group);
    });
    // Not a menu item: what Google does each day at the reminder hour, on demand.
    var trigger = el('button', 'menu-item trigger-button', 'Run the daily reminder now');
    trigger.type = 'button';
    trigger.title = 'Runs sendDeadlineReminders as its daily trigger would: no UI, as the member who turned reminders on';
    trigger.addEventListener('click', function () {
      post('/api/trigger', {}).then(function (outcome) {
        if (outcome.ok) notice('toast', 'Daily reminder', 'Ran as the trigger would (see the Outbox and the Log).');
        else notice('error', 'Daily reminder', outcome.error);
        return refresh();
      });
    });
    bar.appendChild(trigger);
  }

  function addEntries(group, entries, prefix) {
    entries.forEach(function (entry) {
      if (entry.type === 'separator') {
        group.appendChild(el('span', 'menu-separator')).setAttribute('aria-hidden', 'true');
      } else if (entry.type === 'submenu') {
        addEntries(group, entry.menu.entries, prefix + entry.menu.caption + ' › ');
      } else {
        var button = el('button', 'menu-item', prefix + entry.caption);
        button.type = 'button';
        button.dataset.fn = entry.functionName;
        button.addEventListener('click', function () {
          button.disabled = true;
          runMenuItem(entry.functionName).finally(function () {
            button.disabled = false;
          });
        });
        group.appendChild(button);
      }
    });
  }

  function renderTabs() {
    var tabs = $('tabs');
    tabs.replaceChildren();
    var names = state.sheets.map(function (s) {
      return s.name;
    });
    if (currentSheet === null && state.selection) currentSheet = state.selection.sheet;
    if (names.indexOf(currentSheet) < 0) currentSheet = names[0];
    names.forEach(function (name) {
      var tab = el('button', 'tab', name);
      tab.type = 'button';
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-selected', String(name === currentSheet));
      tab.tabIndex = name === currentSheet ? 0 : -1;
      tab.addEventListener('click', function () {
        currentSheet = name;
        render();
        var selected = tabs.querySelector('[aria-selected="true"]');
        if (selected) selected.focus();
        if (state.selection.sheet !== name) select(name, 1, 1);
      });
      tab.addEventListener('keydown', function (e) {
        var i = names.indexOf(currentSheet);
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          currentSheet = names[(i + (e.key === 'ArrowRight' ? 1 : names.length - 1)) % names.length];
          render();
          tabs.querySelector('[aria-selected="true"]').focus();
          select(currentSheet, 1, 1);
          e.preventDefault();
        }
      });
      tabs.appendChild(tab);
    });
  }

  function renderGrid() {
    var sheet = state.sheets.filter(function (s) {
      return s.name === currentSheet;
    })[0];
    var grid = $('grid');
    grid.replaceChildren();
    if (!sheet) return;
    grid.dataset.sheet = sheet.name;
    var width = sheet.rows.reduce(function (m, r) {
      return Math.max(m, r.length);
    }, 0);
    var selection = currentSelection();
    var sel = selection && selection.sheet === sheet.name ? selection : null;
    if (sel) width = Math.max(width, sel.column);
    var rows = sheet.rows.slice();
    if (sel) while (rows.length < sel.row) rows.push([]);
    var header = sheet.rows[0] || [];
    var thead = el('thead');
    var letters = el('tr');
    letters.appendChild(el('th', 'corner'));
    for (var c = 1; c <= width; c++) letters.appendChild(el('th', 'col-head', columnLetter(c))).setAttribute('scope', 'col');
    thead.appendChild(letters);
    grid.appendChild(thead);
    var tbody = el('tbody');
    rows.forEach(function (row, r) {
      var tr = el('tr');
      tr.dataset.row = String(r + 1);
      if (r < sheet.frozenRows) tr.className = 'frozen';
      var bg = sheet.backgrounds[r];
      if (sel && sel.row === r + 1) tr.classList.add('selected-row');
      if (bg) {
        tr.style.backgroundColor = bg;
        tr.dataset.highlight = bg;
      }
      var th = el('th', 'row-head', r + 1);
      th.setAttribute('scope', 'row');
      tr.appendChild(th);
      for (var c = 0; c < width; c++) {
        var text = row[c] === undefined ? '' : row[c];
        var td = el('td', null, text);
        td.dataset.cell = columnLetter(c + 1) + (r + 1);
        if (sel && sel.row === r + 1 && sel.column === c + 1) {
          td.classList.add('selected');
          td.setAttribute('aria-selected', 'true');
        }
        if (header[c] !== undefined && header[c] !== '') td.dataset.column = String(header[c]);
        if (text.length > 40) td.title = text;
        var formula = sheet.formulas[r] && sheet.formulas[r][c];
        if (formula) {
          td.dataset.formula = formula;
          td.classList.add('formula');
          td.title = formula;
        }
        tr.appendChild(td);
      }
      tbody.appendChild(tr);
    });
    grid.appendChild(tbody);
    $('grid-wrap').setAttribute('aria-label', sheet.name + ' sheet' + (sel ? ', selected cell ' + columnLetter(sel.column) + sel.row : '') + ' (arrow keys move the selection)');
  }

  function field(parent, label, value) {
    if (!value) return;
    var p = el('p', 'kv');
    p.appendChild(el('span', 'k', label + ': '));
    p.appendChild(el('span', 'v', value));
    parent.appendChild(p);
  }

  function renderOutbox() {
    var list = $('outbox');
    list.replaceChildren();
    var items = state.outbox.drafts
      .map(function (d) {
        return { kind: 'Gmail draft', to: d.to, cc: d.cc, subject: d.subject, body: d.body, raw: d.raw };
      })
      .concat(
        state.outbox.sent.map(function (m) {
          return { kind: 'Sent by MailApp', to: m.to, cc: m.cc, bcc: m.bcc, subject: m.subject, body: m.body };
        }),
      );
    $('outbox-count').textContent = '(' + items.length + ')';
    if (items.length === 0) list.appendChild(el('li', 'empty', 'Nothing yet.'));
    items.reverse().forEach(function (item) {
      var li = el('li', 'mail');
      li.appendChild(el('span', 'badge', item.kind));
      field(li, 'To', item.to);
      field(li, 'Cc', item.cc);
      field(li, 'Bcc', item.bcc);
      field(li, 'Subject', item.subject);
      li.appendChild(el('pre', 'mail-body', item.body));
      if (item.raw) {
        // The message exactly as Gmail received it, for the curious.
        var details = el('details', 'mail-raw');
        details.appendChild(el('summary', null, 'Raw MIME'));
        details.appendChild(el('pre', 'mail-body', item.raw));
        li.appendChild(details);
      }
      list.appendChild(li);
    });
  }


  function renderLog() {
    var table = $('log');
    table.replaceChildren();
    var head = el('tr');
    ['Time', 'User', 'Case ID', 'Action', 'Detail'].forEach(function (h) {
      head.appendChild(el('th', null, h));
    });
    table.appendChild(head);
    if (state.log.length === 0) {
      var tr = el('tr');
      var td = el('td', 'empty', 'No log lines yet.');
      td.colSpan = 5;
      tr.appendChild(td);
      table.appendChild(tr);
    }
    state.log.forEach(function (row) {
      var tr = el('tr');
      for (var i = 0; i < 5; i++) tr.appendChild(el('td', null, row[i] === undefined ? '' : row[i]));
      table.appendChild(tr);
    });
    var history = $('history');
    history.replaceChildren();
    if (state.history.length === 0) history.appendChild(el('li', 'empty', 'None yet in this session.'));
    state.history.forEach(function (h) {
      var li = el('li', h.ok ? 'ok' : 'failed');
      li.appendChild(el('code', null, h.fn));
      li.appendChild(el('span', null, ' ' + new Date(h.at).toLocaleTimeString() + ' · ' + h.ms + ' ms' + (h.ok ? '' : ' · ' + h.error)));
      history.appendChild(li);
    });
  }

  function render() {
    document.title = state.title + ' — local preview';
    $('doc-title').textContent = state.title;
    $('doc-meta').textContent = 'Today ' + state.today + ' (' + state.timeZone + ') · signed in as ' + state.user;
    renderMenus();
    renderTabs();
    if (!editing) renderGrid(); // never under the member's typing
    renderOutbox();
    renderLog();
    document.body.dataset.ready = 'true';
  }

  // Opening the page is opening the document: Sheets runs onOpen, which builds the menu.
  post('/api/open', {})
    .then(refresh)
    .catch(function (error) {
      notice('error', 'The preview server is not reachable', error.message);
    });
})();
