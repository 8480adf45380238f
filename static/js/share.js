// "Copy link" on articles: shown only where the browser can copy; every other share link is a
// plain link and works without this script.
document.querySelectorAll(".share__copy").forEach((button) => {
  if (!navigator.clipboard) return;
  const status = button.nextElementSibling;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.copy);
      status.textContent = "Link copied";
    } catch {
      status.textContent = "Could not copy the link";
    }
  });
});
