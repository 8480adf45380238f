// "Copy link" on articles: shown only where the browser can copy; every other share link is a
// plain link and works without this script. The messages come translated from the button's
// data attributes (templates/news/article_main.html).
document.querySelectorAll(".share__copy").forEach((button) => {
  if (!navigator.clipboard) return;
  const status = button.nextElementSibling;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.copy);
      status.textContent = button.dataset.copied || "Link copied";
    } catch {
      status.textContent = button.dataset.copyFailed || "Could not copy the link";
    }
  });
});
