// The live room's phone page: answers are sent as they are ticked, and the
// page follows the room through server-sent events. Without this script
// the forms still work with their Send buttons.
"use strict";
(function () {
  const main = document.getElementById("room");
  if (!main) return;
  // While an answer is on its way, a page pushed by the room waits, so it
  // never undoes a tick the room has not heard yet.
  let sending = false, again = null, waiting = null;

  function show(html) {
    if (sending) { waiting = html; return; }
    main.innerHTML = html;
  }

  function say(form, text, bad) {
    const p = form.querySelector(".status");
    if (!p) return;
    p.textContent = text;
    p.classList.toggle("error", !!bad);
  }

  async function send(form) {
    if (sending) { again = form; return; }
    sending = true;
    try {
      const res = await fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(form)),
        headers: { "X-Room": "script" },
        credentials: "same-origin",
      });
      if (res.ok) say(form, "Counted.");
      else if (res.status === 401) location.reload();
      else say(form, await res.text(), true);
    } catch (e) {
      say(form, "Not sent: the connection dropped. Tick again when it is back.", true);
    }
    sending = false;
    if (again) { const f = again; again = null; send(f); return; }
    if (waiting !== null) { const h = waiting; waiting = null; main.innerHTML = h; }
  }

  main.addEventListener("change", function (e) {
    const form = e.target.form;
    if (form && form.hasAttribute("data-live")) send(form);
  });
  main.addEventListener("submit", function (e) {
    const form = e.target;
    if (!form.hasAttribute("data-live")) return;
    e.preventDefault();
    send(form);
  });

  if (main.dataset.events) {
    const events = new EventSource(main.dataset.events);
    events.addEventListener("view", function (e) { show(e.data); });
    events.addEventListener("gone", function () { events.close(); location.reload(); });
  }
})();
