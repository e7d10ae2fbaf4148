/**
 * The inbox page's markup: a static shell without inline script or style (the Content-Security-Policy
 * forbids both); `inbox.js` fills it in from the JSON API.
 */
export const INBOX_PAGE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="no-referrer">
    <title>Zixflow sandbox inbox</title>
    <link rel="icon" href="/inbox/icon.svg" type="image/svg+xml">
    <link rel="stylesheet" href="/inbox/inbox.css">
    <script src="/inbox/inbox.js" defer></script>
  </head>
  <body>
    <div class="app">
      <aside class="sidebar" aria-label="Conversations">
        <header class="sidebar-header">
          <div class="brand">
            <span class="brand-title">Sandbox inbox</span>
            <span class="brand-subtitle" id="business-number"></span>
          </div>
          <button type="button" class="icon-button" id="new-chat-toggle" title="New chat as a customer" aria-label="New chat as a customer" aria-expanded="false">+</button>
        </header>
        <form class="new-chat" id="new-chat" hidden>
          <p class="new-chat-title">Write to the app as a customer</p>
          <label class="field">Customer number
            <input id="new-chat-number" name="number" type="tel" placeholder="+1 302 389 5111" autocomplete="off" required>
          </label>
          <label class="field">Name (optional)
            <input id="new-chat-name" name="name" type="text" placeholder="Sandbox Customer" autocomplete="off" maxlength="100">
          </label>
          <button type="submit" class="primary-button">Start chat</button>
        </form>
        <p class="notice" id="app-notice" hidden></p>
        <ul class="conversation-list" id="conversation-list"></ul>
        <p class="empty-list" id="empty-list">No conversations yet. Press + to write to your app as a customer, or let your app send a message.</p>
        <footer class="sidebar-footer">Local only: served on 127.0.0.1, nothing leaves this machine.</footer>
      </aside>
      <main class="chat" id="chat">
        <div class="chat-placeholder" id="chat-placeholder">
          <p class="placeholder-title">Zixflow sandbox inbox</p>
          <p>Pick a conversation, or press + to chat with your app as a customer.</p>
          <p>Messages your app sends through the sandbox appear here as they would on the customer's phone.</p>
        </div>
        <header class="chat-header" id="chat-header" hidden>
          <span class="avatar" id="chat-avatar" aria-hidden="true"></span>
          <div class="chat-heading">
            <h1 class="chat-title" id="chat-title"></h1>
            <p class="chat-subtitle" id="chat-subtitle"></p>
          </div>
        </header>
        <div class="messages" id="messages" role="log" aria-live="polite" hidden></div>
        <p class="composer-error" id="composer-error" role="alert" hidden></p>
        <form class="composer" id="composer" hidden>
          <textarea id="composer-input" rows="1" placeholder="Type a message as the customer" aria-label="Message as the customer" maxlength="4096" autocomplete="off"></textarea>
          <button type="submit" class="send-button" id="composer-send" aria-label="Send as the customer" title="Send as the customer"></button>
        </form>
      </main>
    </div>
  </body>
</html>
`;
