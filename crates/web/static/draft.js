// Brygga: what is typed into a form marked data-draft stays in this browser until the server
// has it. A form that fails to send on a weak connection loses nothing: reopening the page
// brings the text back, with the same create key, so sending again still makes one entry.
// After a successful send the page says so (?saved=1) and the draft is cleared; logging out
// clears every draft kept on the device (the server sends Clear-Site-Data).
(function () {
  var saved = /[?&]saved=1/.test(location.search);
  document.querySelectorAll('form[data-draft]').forEach(function (form) {
    var key = 'brygga-draft:' + form.getAttribute('data-draft');
    var fields = form.querySelectorAll('textarea, input[type=text], input[type=checkbox], input[name=create_key]');
    var data = {};
    if (saved) {
      try { localStorage.removeItem(key); } catch (e) { /* storage off: nothing kept */ }
      // The next entry's draft must not be wiped by a reload of this page.
      if (window.history && history.replaceState) {
        history.replaceState(null, '', location.pathname + location.hash);
      }
    } else {
      try { data = JSON.parse(localStorage.getItem(key) || '{}'); } catch (e) { data = {}; }
    }
    var restored = false;
    fields.forEach(function (f) {
      if (!(f.name in data)) { return; }
      if (f.name === 'create_key') {
        if (data.create_key) { f.value = data.create_key; }
      } else if (f.type === 'checkbox') {
        if (data[f.name] && !f.checked) { f.checked = true; restored = true; }
      } else if (!f.value && data[f.name]) {
        f.value = data[f.name];
        restored = true;
      }
    });
    var note = form.querySelector('.draft-note');
    if (restored && note) { note.hidden = false; }
    function keep() {
      var d = {};
      fields.forEach(function (f) { d[f.name] = f.type === 'checkbox' ? f.checked : f.value; });
      try { localStorage.setItem(key, JSON.stringify(d)); } catch (e) { /* storage off */ }
    }
    form.addEventListener('input', keep);
    form.addEventListener('change', keep);
    form.addEventListener('submit', keep);
  });
})();
