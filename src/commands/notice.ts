// Shows the message passed in the query string. textContent only: the text is never interpreted as HTML.
const params = new URLSearchParams(window.location.search);
const title = document.getElementById("title");
const message = document.getElementById("message");
if (title) title.textContent = params.get("title") ?? "";
if (message) message.textContent = params.get("message") ?? "";
