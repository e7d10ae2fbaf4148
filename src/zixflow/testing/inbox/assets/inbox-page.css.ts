/**
 * The inbox page's stylesheet, modelled on WhatsApp Web's light theme. Served as its own file because
 * the Content-Security-Policy allows no inline style. No web fonts and no `url()`: the page must not
 * load anything from anywhere.
 */
export const INBOX_PAGE_CSS = `
:root {
  --panel: #f0f2f5;
  --border: #e9edef;
  --text: #111b21;
  --muted: #667781;
  --green: #00a884;
  --outgoing: #d9fdd3;
  --incoming: #ffffff;
  --chat: #efeae2;
  --link: #027eb5;
  --read: #53bdeb;
  --danger: #d1344b;
  --shadow: 0 1px 0.5px rgba(11, 20, 26, 0.13);
  color-scheme: light;
}

* { box-sizing: border-box; }

html, body { height: 100%; margin: 0; }

body {
  font-family: "Segoe UI", "Helvetica Neue", Helvetica, "Lucida Grande", Arial, Ubuntu, Cantarell, "Fira Sans", sans-serif;
  font-size: 14.2px;
  line-height: 19px;
  color: var(--text);
  background: #d1d7db;
}

button, input, textarea { font: inherit; color: inherit; }

[hidden] { display: none !important; }

.app {
  display: grid;
  grid-template-columns: minmax(280px, 30%) 1fr;
  height: 100vh;
  max-width: 1600px;
  margin: 0 auto;
  background: #fff;
  box-shadow: 0 6px 18px rgba(11, 20, 26, 0.05);
}

/* ------------------------------------------------------------ sidebar */

.sidebar {
  display: flex;
  flex-direction: column;
  min-height: 0;
  border-right: 1px solid #d1d7db;
  background: #fff;
}

.sidebar-header, .chat-header {
  display: flex;
  align-items: center;
  gap: 12px;
  height: 59px;
  padding: 10px 16px;
  background: var(--panel);
  flex: none;
}

.brand { display: flex; flex-direction: column; flex: 1; min-width: 0; }
.brand-title { font-size: 16px; font-weight: 600; }
.brand-subtitle { font-size: 12.5px; color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }

.icon-button {
  width: 36px;
  height: 36px;
  border: 0;
  border-radius: 50%;
  background: transparent;
  color: #54656f;
  font-size: 24px;
  line-height: 36px;
  cursor: pointer;
}
.icon-button:hover, .icon-button[aria-expanded="true"] { background: rgba(11, 20, 26, 0.1); }

.new-chat {
  display: flex;
  flex-direction: column;
  gap: 10px;
  padding: 14px 16px 16px;
  border-bottom: 1px solid var(--border);
  background: #fff;
}
.new-chat-title { margin: 0; font-weight: 600; color: var(--green); }
.field { display: flex; flex-direction: column; gap: 4px; font-size: 13px; color: var(--muted); }
.field input {
  padding: 8px 10px;
  border: 1px solid #d1d7db;
  border-radius: 8px;
  background: #fff;
  font-size: 15px;
  color: var(--text);
}
.field input:focus, .composer textarea:focus { outline: 2px solid var(--green); outline-offset: -1px; }

.primary-button {
  align-self: flex-start;
  padding: 8px 18px;
  border: 0;
  border-radius: 18px;
  background: var(--green);
  color: #fff;
  font-weight: 600;
  cursor: pointer;
}
.primary-button:hover { background: #008f6f; }

.notice {
  margin: 0;
  padding: 10px 16px;
  background: #fff3c4;
  color: #54656f;
  font-size: 13px;
  border-bottom: 1px solid var(--border);
}

.conversation-list { list-style: none; margin: 0; padding: 0; overflow-y: auto; flex: 1; }

.empty-list { margin: 24px 20px; color: var(--muted); font-size: 13.5px; text-align: center; flex: 1; }

.sidebar-footer { padding: 10px 16px; font-size: 12px; color: var(--muted); border-top: 1px solid var(--border); }

.conversation {
  display: flex;
  align-items: center;
  gap: 12px;
  width: 100%;
  padding: 0 0 0 13px;
  border: 0;
  background: #fff;
  text-align: left;
  cursor: pointer;
}
.conversation:hover { background: #f5f6f6; }
.conversation[aria-current="true"] { background: var(--panel); }

.conversation-main {
  display: flex;
  flex-direction: column;
  justify-content: center;
  flex: 1;
  min-width: 0;
  height: 72px;
  padding-right: 15px;
  border-bottom: 1px solid var(--border);
}

.conversation-top, .conversation-bottom { display: flex; align-items: baseline; gap: 6px; }
.conversation-name { flex: 1; font-size: 17px; line-height: 21px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.conversation-time { font-size: 12px; color: var(--muted); }
.conversation-preview { flex: 1; font-size: 14px; line-height: 20px; color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.conversation-via { font-size: 11.5px; color: #8696a0; white-space: nowrap; }

.avatar {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  flex: none;
  width: 49px;
  height: 49px;
  border-radius: 50%;
  background: #dfe5e7;
  color: #fff;
  font-size: 18px;
  font-weight: 600;
}
.avatar svg { width: 60%; height: 60%; fill: #fff; }
.chat-header .avatar { width: 40px; height: 40px; font-size: 15px; }
.avatar[data-tone="0"] { background: #4fb6ec; }
.avatar[data-tone="1"] { background: #f88a69; }
.avatar[data-tone="2"] { background: #7f66ff; }
.avatar[data-tone="3"] { background: #25d366; }
.avatar[data-tone="4"] { background: #ffbc38; }
.avatar[data-tone="5"] { background: #a5b337; }

/* --------------------------------------------------------------- chat */

.chat {
  display: flex;
  flex-direction: column;
  min-width: 0;
  min-height: 0;
  background-color: var(--chat);
  background-image:
    radial-gradient(rgba(11, 20, 26, 0.045) 1.2px, transparent 1.3px),
    radial-gradient(rgba(11, 20, 26, 0.03) 1px, transparent 1.1px);
  background-size: 26px 26px, 18px 18px;
  background-position: 0 0, 9px 13px;
}

.chat-placeholder {
  margin: auto;
  max-width: 460px;
  padding: 28px;
  text-align: center;
  color: var(--muted);
  background: rgba(255, 255, 255, 0.75);
  border-radius: 12px;
}
.placeholder-title { font-size: 26px; line-height: 32px; font-weight: 300; color: #41525d; }

.chat-header { border-left: 1px solid #d1d7db; }
.chat-heading { min-width: 0; }
.chat-title { margin: 0; font-size: 16px; line-height: 21px; font-weight: 500; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.chat-subtitle { margin: 0; font-size: 13px; line-height: 20px; color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }

.messages {
  flex: 1;
  overflow-y: auto;
  padding: 14px 7% 10px;
  display: flex;
  flex-direction: column;
}

.day {
  align-self: center;
  margin: 4px 0 8px;
  padding: 5px 12px 6px;
  border-radius: 7.5px;
  background: #fff;
  color: #54656f;
  font-size: 12.5px;
  box-shadow: var(--shadow);
}

.row { display: flex; flex-direction: column; margin-top: 2px; }
.row.first { margin-top: 9px; }
.row.outgoing { align-items: flex-end; }
.row.incoming { align-items: flex-start; }

.bubble {
  position: relative;
  max-width: min(65%, 520px);
  min-width: 90px;
  padding: 6px 7px 8px 9px;
  border-radius: 7.5px;
  box-shadow: var(--shadow);
  overflow-wrap: anywhere;
}
.outgoing .bubble { background: var(--outgoing); }
.incoming .bubble { background: var(--incoming); }
.first.outgoing .bubble { border-top-right-radius: 0; }
.first.incoming .bubble { border-top-left-radius: 0; }
.first .bubble::before {
  content: "";
  position: absolute;
  top: 0;
  width: 0;
  height: 0;
  border-top: 0 solid transparent;
  border-bottom: 13px solid transparent;
}
.first.outgoing .bubble::before { right: -8px; border-left: 8px solid var(--outgoing); }
.first.incoming .bubble::before { left: -8px; border-right: 8px solid var(--incoming); }
.has-buttons .bubble { border-bottom-left-radius: 0; border-bottom-right-radius: 0; }

.text { white-space: pre-wrap; }
.text a, .link { color: var(--link); text-decoration: none; word-break: break-all; }
.text a:hover, a.link:hover { text-decoration: underline; }
.not-a-link { color: var(--muted); text-decoration: none; word-break: break-all; }
.not-a-link::after { content: " (not a link)"; font-style: italic; }
.text code {
  font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace;
  font-size: 13px;
}

.meta {
  float: right;
  display: inline-flex;
  align-items: center;
  gap: 3px;
  margin: 6px 0 -5px 12px;
  font-size: 11px;
  line-height: 15px;
  color: var(--muted);
  white-space: nowrap;
}
.meta::after { content: ""; display: block; clear: both; }
.bubble::after { content: ""; display: block; clear: both; }

.status { display: inline-flex; width: 18px; height: 12px; }
.status svg { width: 18px; height: 12px; fill: none; stroke: currentColor; stroke-width: 1.6; stroke-linecap: round; stroke-linejoin: round; }
.status[data-status="accepted"] svg { width: 12px; height: 12px; }
.status[data-status="read"] { color: var(--read); }

.problem {
  max-width: min(65%, 520px);
  margin: 3px 2px 0;
  font-size: 12px;
  color: var(--danger);
}
.pending { opacity: 0.75; }

/* Media is shown as a card with its address; the sandbox never downloads it. */
.media-frame {
  display: flex;
  flex-direction: column;
  align-items: center;
  justify-content: center;
  gap: 8px;
  width: calc(100% + 10px);
  min-width: 260px;
  height: 150px;
  margin: -3px -4px 4px -6px;
  border-radius: 6px;
  background: linear-gradient(135deg, #3b4a54, #1f2c33);
  color: #e9edef;
  font-size: 12.5px;
}
.media-frame[data-media="image"] { background: linear-gradient(135deg, #8aa0ab, #52656f); }
.media-frame .play {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 54px;
  height: 54px;
  border-radius: 50%;
  background: rgba(11, 20, 26, 0.45);
}
.media-frame svg { width: 28px; height: 28px; fill: #fff; }
.media-note { opacity: 0.85; }

.file-card {
  display: flex;
  align-items: center;
  gap: 10px;
  min-width: 240px;
  margin: -2px -3px 6px -5px;
  padding: 10px 12px;
  border-radius: 6px;
  background: rgba(11, 20, 26, 0.05);
}
.file-card svg { width: 26px; height: 32px; flex: none; fill: #8696a0; }
.file-name { font-weight: 500; }
.file-kind { font-size: 12px; color: var(--muted); }

.media-link { display: block; margin: 2px 0 4px; font-size: 12.5px; }
.caption { margin-top: 2px; }

.map {
  display: flex;
  align-items: center;
  justify-content: center;
  width: 270px;
  max-width: 100%;
  height: 130px;
  margin: -3px -4px 6px -6px;
  border-radius: 6px;
  background-color: #e7efd8;
  background-image:
    linear-gradient(90deg, rgba(255, 255, 255, 0.9) 6px, transparent 6px),
    linear-gradient(rgba(255, 255, 255, 0.9) 4px, transparent 4px),
    linear-gradient(35deg, transparent 46%, #f5d78e 46%, #f5d78e 54%, transparent 54%);
  background-size: 64px 64px, 48px 48px, 100% 100%;
}
.map svg { width: 34px; height: 34px; fill: var(--danger); }
.location-name { font-weight: 500; }
.location-address, .coordinates { color: var(--muted); font-size: 13px; }

.header-text { font-weight: 600; margin-bottom: 4px; }
.footer-text { margin-top: 4px; color: var(--muted); font-size: 13px; }

.reply-buttons {
  display: flex;
  flex-direction: column;
  gap: 2px;
  max-width: min(65%, 520px);
  min-width: 200px;
  margin-top: 2px;
}
.reply-buttons.wide { align-self: inherit; }
.reply-button {
  display: flex;
  align-items: center;
  justify-content: center;
  gap: 6px;
  padding: 9px 12px;
  border: 0;
  border-radius: 7.5px;
  background: var(--incoming);
  color: var(--link);
  font-size: 14.5px;
  box-shadow: var(--shadow);
  cursor: pointer;
}
.outgoing .reply-button { background: var(--outgoing); }
.reply-button:hover { filter: brightness(0.97); }
.reply-button:focus-visible { outline: 2px solid var(--green); }
.reply-button svg { width: 16px; height: 16px; fill: currentColor; }
.reply-buttons .reply-button:first-child { border-top-left-radius: 0; border-top-right-radius: 0; }

.template-label {
  display: inline-block;
  margin-bottom: 4px;
  padding: 1px 7px;
  border-radius: 9px;
  background: rgba(0, 168, 132, 0.14);
  color: #008069;
  font-size: 11.5px;
  font-weight: 600;
  letter-spacing: 0.03em;
  text-transform: uppercase;
}
.template-name { font-weight: 600; }
.template-language { margin-left: 6px; color: var(--muted); font-size: 12.5px; }
.template-variables {
  display: grid;
  grid-template-columns: auto 1fr;
  gap: 2px 10px;
  margin: 6px 0 0;
  font-size: 13.5px;
}
.template-variables dt { color: var(--muted); font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 12.5px; }
.template-variables dd { margin: 0; white-space: pre-wrap; }

.tap { display: inline-flex; align-items: center; gap: 6px; }
.tap svg { width: 15px; height: 15px; fill: var(--muted); flex: none; }
.tap-label { display: block; font-size: 11.5px; color: var(--muted); }

.unsupported { font-style: italic; color: var(--muted); }
.unsupported-detail {
  display: block;
  margin-top: 4px;
  font-style: normal;
  font-family: "DejaVu Sans Mono", "Liberation Mono", monospace;
  font-size: 11.5px;
  white-space: pre-wrap;
}

.empty-chat {
  align-self: center;
  margin: 18px;
  padding: 8px 14px;
  border-radius: 7.5px;
  background: #ffeecd;
  color: #54656f;
  font-size: 12.5px;
  text-align: center;
  box-shadow: var(--shadow);
}

.composer-error {
  margin: 0;
  padding: 6px 16px;
  background: #fde8eb;
  color: var(--danger);
  font-size: 13px;
}

.composer {
  display: flex;
  align-items: flex-end;
  gap: 10px;
  padding: 8px 16px;
  background: var(--panel);
  flex: none;
}
.composer textarea {
  flex: 1;
  min-height: 42px;
  max-height: 120px;
  padding: 10px 12px;
  border: 0;
  border-radius: 8px;
  background: #fff;
  font-size: 15px;
  line-height: 22px;
  resize: none;
}
.send-button {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 42px;
  height: 42px;
  border: 0;
  border-radius: 50%;
  background: var(--green);
  cursor: pointer;
}
.send-button svg { width: 22px; height: 22px; fill: #fff; }
.send-button:disabled, .composer textarea:disabled { opacity: 0.55; cursor: not-allowed; }

@media (max-width: 720px) {
  .app { grid-template-columns: 1fr; grid-template-rows: 40% 60%; }
  .bubble, .reply-buttons, .problem { max-width: 88%; }
}
`;
