// A live page looks for new updates while the coverage is live: every data-poll-seconds it
// fetches the page's updates (news/live_fragments.py, served from the cache), announces how
// many are new (politely: role="status") and shows them only when the reader asks, so the
// text being read never moves and focus stays where it is. Corrections replace the update in
// place; removed updates go. Without this script the page is complete as it was served.
(() => {
  const section = document.querySelector("[data-live-updates]");
  if (!section || !window.fetch) return;
  const list = section.querySelector(".live-updates__list");
  const button = section.querySelector(".live-updates__reveal");
  const announce = section.querySelector(".live-updates__announce");
  const every = Math.max(1, Number(section.dataset.pollSeconds) || 30) * 1000;
  let waiting = []; // the updates not shown yet, as sent: pinned first, then newest first

  const fromHtml = (html) => {
    const template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  };
  const label = (count) =>
    count === 1 ? section.dataset.one : section.dataset.many.replace("%(count)s", count);

  function show() {
    if (!waiting.length) return;
    const top = list.firstElementChild;
    const pinnedEnd = list.querySelector(".live-update:not(.live-update--pinned)");
    const added = waiting.map((update) => {
      const item = fromHtml(update.html);
      list.insertBefore(item, update.pinned ? top : pinnedEnd);
      return item;
    });
    waiting = [];
    button.hidden = true;
    announce.textContent = "";
    section.querySelector(".live-updates__none")?.remove();
    added[0].focus(); // the reader asked for them: reading goes on at the first one
  }

  function take(data) {
    const shown = new Set(data.shown.map((id) => `update-${id}`));
    list.querySelectorAll(".live-update").forEach((item) => {
      if (!shown.has(item.id)) item.remove(); // removed by the newsroom
    });
    for (const update of data.updates) {
      const present = document.getElementById(update.anchor);
      if (present && present.dataset.version !== update.version) {
        if (!present.contains(document.activeElement)) present.replaceWith(fromHtml(update.html));
      }
    }
    waiting = data.updates.filter((update) => !document.getElementById(update.anchor));
    const text = waiting.length ? label(waiting.length) : "";
    if (button.textContent !== text) {
      button.textContent = text;
      announce.textContent = text;
    }
    button.hidden = !waiting.length;
    return data.status === "live";
  }

  async function poll() {
    let again = true;
    try {
      const response = await fetch(section.dataset.liveUpdates, {
        headers: { Accept: "application/json" },
      });
      if (response.ok) again = take(await response.json());
    } catch {
      // Offline for a moment: try again at the next turn.
    }
    if (again) setTimeout(poll, every);
  }

  button.addEventListener("click", show);
  setTimeout(poll, every);
})();
