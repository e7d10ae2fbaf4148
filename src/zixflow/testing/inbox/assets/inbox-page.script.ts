/**
 * The inbox page's script, plain browser JavaScript with no dependency, served as `/inbox/inbox.js`
 * (the Content-Security-Policy forbids inline script). It builds every node with createElement and
 * textContent and never uses innerHTML, so message content can only ever be text; links get an
 * `href` only after the page checks again that it is a plain http(s) URL.
 *
 * Written inside String.raw so regular expressions keep their backslashes; it therefore must not
 * contain a backtick or a dollar sign followed by a brace.
 */
export const INBOX_PAGE_SCRIPT = String.raw`(function () {
  'use strict';

  var API = '/inbox/api';
  var SVG_NS = 'http://www.w3.org/2000/svg';
  var STATUS_LABELS = { accepted: 'accepted by the API', sent: 'sent', delivered: 'delivered', read: 'read' };
  var MEDIA_LABELS = { image: 'Photo', video: 'Video', audio: 'Audio', document: 'Document', sticker: 'Sticker' };
  /** Constant drawings only: icons are built from these paths, never from message data. */
  var ICONS = {
    tick: { box: '0 0 18 12', d: 'M4 6.6l2.9 2.9L13.6 2.4' },
    ticks: { box: '0 0 18 12', d: 'M1.2 6.6l2.9 2.9L10.8 2.4M7.4 8.9l0.6 0.6L14.7 2.4' },
    clock: { box: '0 0 12 12', d: 'M6 1.2a4.8 4.8 0 1 0 0.01 0M6 3.4V6l1.8 1.3' },
    play: { box: '0 0 24 24', d: 'M8 5v14l11-7z' },
    image: { box: '0 0 24 24', d: 'M21 19V5a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2zM8.5 13.5l2.5 3 3.5-4.5 4.5 6H5z' },
    audio: { box: '0 0 24 24', d: 'M12 3v10.55A4 4 0 1 0 14 17V7h4V3z' },
    document: { box: '0 0 24 30', d: 'M15 1H4a3 3 0 0 0-3 3v22a3 3 0 0 0 3 3h16a3 3 0 0 0 3-3V9zm-1 9V3l7 7z' },
    pin: { box: '0 0 24 24', d: 'M12 2a7 7 0 0 0-7 7c0 5.3 7 13 7 13s7-7.7 7-13a7 7 0 0 0-7-7zm0 9.5a2.5 2.5 0 1 1 0-5 2.5 2.5 0 0 1 0 5z' },
    reply: { box: '0 0 24 24', d: 'M10 9V5l-7 7 7 7v-4.1c5 0 8.5 1.6 11 5.1-1-5-4-10-11-11z' },
    send: { box: '0 0 24 24', d: 'M2 21l21-9L2 3v7l15 2-15 2z' },
    person: { box: '0 0 24 24', d: 'M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zm0 2c-4.4 0-10 2.2-10 5v3h20v-3c0-2.8-5.6-5-10-5z' }
  };

  var state = {
    conversations: new Map(),
    selectedId: null,
    draft: null,
    names: new Map(),
    appConnected: false,
    phoneId: '',
    resetRevision: 0
  };
  var view = {};

  // ------------------------------------------------------------ helpers

  function byId(id) {
    return document.getElementById(id);
  }

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function icon(name, className) {
    var drawing = ICONS[name];
    var svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', drawing.box);
    svg.setAttribute('aria-hidden', 'true');
    if (className) svg.setAttribute('class', className);
    var path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', drawing.d);
    svg.appendChild(path);
    return svg;
  }

  /** The only way an address becomes a link: an absolute http(s) URL without credentials. */
  function safeHref(value) {
    if (typeof value !== 'string') return null;
    var url;
    try {
      url = new URL(value);
    } catch (error) {
      return null;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return url.href;
  }

  function linkOrText(href, text, className) {
    var safe = safeHref(href);
    if (!safe) {
      // Shown, so the developer sees what the message held, but never styled or usable as a link.
      var plain = make('span', (className ? className + ' ' : '') + 'not-a-link', text);
      plain.title = 'Not an http(s) address: shown as text';
      return plain;
    }
    var anchor = make('a', className, text);
    anchor.href = safe;
    anchor.target = '_blank';
    anchor.rel = 'noopener noreferrer';
    return anchor;
  }

  function digitsOf(typed) {
    return String(typed).replace(/\D/g, '').replace(/^00/, '');
  }

  function pad(number) {
    return number < 10 ? '0' + number : String(number);
  }

  function timeOf(iso) {
    var date = new Date(iso);
    return pad(date.getHours()) + ':' + pad(date.getMinutes());
  }

  function dayOf(iso) {
    var date = new Date(iso);
    var today = new Date();
    var yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
    if (date.toDateString() === today.toDateString()) return 'Today';
    if (date.toDateString() === yesterday.toDateString()) return 'Yesterday';
    return date.toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
  }

  function toneOf(id) {
    var hash = 0;
    for (var index = 0; index < id.length; index += 1) hash = (hash * 31 + id.charCodeAt(index)) % 9973;
    return String(hash % 6);
  }

  function initialsOf(name) {
    var words = name.replace(/[^\p{L}\p{N}\s]/gu, '').trim().split(/\s+/).filter(Boolean);
    if (words.length === 0 || /^\d/.test(words[0])) return '';
    return words.slice(0, 2).map(function (word) { return word.charAt(0).toUpperCase(); }).join('');
  }

  function fillAvatar(node, id, name) {
    node.replaceChildren();
    node.dataset.tone = toneOf(id);
    var initials = initialsOf(name);
    if (initials) node.textContent = initials;
    else node.appendChild(icon('person'));
  }

  // ------------------------------------------------------------ conversations

  function current() {
    if (state.selectedId === null) return null;
    var conversation = state.conversations.get(state.selectedId);
    if (conversation) return conversation;
    if (state.draft && state.draft.id === state.selectedId) return state.draft;
    return null;
  }

  function displayName(conversation) {
    return conversation.customerName || state.names.get(conversation.id) || '+' + conversation.customer;
  }

  function upsert(conversation) {
    if (conversation.revision <= state.resetRevision) return;
    var known = state.conversations.get(conversation.id);
    if (known && known.revision >= conversation.revision) return;
    state.conversations.set(conversation.id, conversation);
    if (state.draft && state.draft.id === conversation.id) state.draft = null;
  }

  function applySnapshot(snapshot) {
    state.appConnected = snapshot.appConnected;
    state.phoneId = snapshot.phoneId;
    // A snapshot can arrive after events that are newer than it: keep whichever copy is newer.
    var fresh = new Map();
    snapshot.conversations.forEach(function (conversation) {
      if (conversation.revision > state.resetRevision) fresh.set(conversation.id, conversation);
    });
    state.conversations.forEach(function (conversation, id) {
      if (conversation.revision > snapshot.revision) fresh.set(id, conversation);
    });
    state.conversations = fresh;
    if (state.draft && fresh.has(state.draft.id)) state.draft = null;
  }

  function applyReset(revision) {
    state.resetRevision = revision;
    state.conversations.forEach(function (conversation, id) {
      if (conversation.revision <= revision) state.conversations.delete(id);
    });
  }

  function sortedConversations() {
    return Array.from(state.conversations.values()).sort(function (a, b) {
      return (b.lastActivityAt || '').localeCompare(a.lastActivityAt || '');
    });
  }

  // ------------------------------------------------------------ message content

  function richText(segments, className) {
    var container = make('div', 'text' + (className ? ' ' + className : ''));
    segments.forEach(function (segment) {
      var node = segment.href ? linkOrText(segment.href, segment.text) : document.createTextNode(segment.text);
      if (segment.mono) node = wrap('code', node);
      if (segment.strike) node = wrap('s', node);
      if (segment.italic) node = wrap('em', node);
      if (segment.bold) node = wrap('strong', node);
      container.appendChild(node);
    });
    return container;
  }

  function wrap(tag, child) {
    var node = document.createElement(tag);
    node.appendChild(child);
    return node;
  }

  function mediaNode(content) {
    var box = make('div', 'media');
    box.dataset.media = content.media;
    var label = MEDIA_LABELS[content.media] || content.media;
    if (content.media === 'image' || content.media === 'video' || content.media === 'sticker') {
      var frame = make('div', 'media-frame');
      frame.dataset.media = content.media;
      var badge = make('span', 'play');
      badge.appendChild(icon(content.media === 'video' ? 'play' : 'image'));
      frame.appendChild(badge);
      frame.appendChild(make('span', 'media-note', label + ' (not loaded in the sandbox)'));
      box.appendChild(frame);
    } else {
      var card = make('div', 'file-card');
      card.appendChild(icon(content.media === 'audio' ? 'audio' : 'document'));
      var info = make('div', 'file-info');
      info.appendChild(make('div', 'file-name', content.filename || label));
      info.appendChild(make('div', 'file-kind', label));
      card.appendChild(info);
      box.appendChild(card);
    }
    if (content.link) box.appendChild(linkOrText(content.link.href, content.link.text, 'media-link link'));
    if (content.caption) box.appendChild(richText(content.caption, 'caption'));
    return box;
  }

  function locationNode(content) {
    var box = make('div', 'location');
    var map = make('div', 'map');
    map.appendChild(icon('pin'));
    box.appendChild(map);
    if (content.name) box.appendChild(make('div', 'location-name', content.name));
    if (content.address) box.appendChild(make('div', 'location-address', content.address));
    box.appendChild(make('div', 'coordinates', content.latitude + ', ' + content.longitude));
    if (content.map) box.appendChild(linkOrText(content.map.href, 'Open in OpenStreetMap', 'link'));
    return box;
  }

  function templateNode(content) {
    var box = make('div', 'template');
    box.appendChild(make('span', 'template-label', 'Template'));
    var title = make('div', 'template-title');
    title.appendChild(make('span', 'template-name', content.name));
    title.appendChild(make('span', 'template-language', content.language));
    box.appendChild(title);
    if (content.variables.length > 0) {
      var list = make('dl', 'template-variables');
      content.variables.forEach(function (variable) {
        list.appendChild(make('dt', null, '{{' + variable.name + '}}'));
        list.appendChild(make('dd', null, variable.value));
      });
      box.appendChild(list);
    }
    return box;
  }

  function buttonsBodyNode(content) {
    var box = make('div', 'interactive');
    if (content.header) {
      if (content.header.kind === 'text') box.appendChild(richText(content.header.text, 'header-text'));
      else box.appendChild(contentNode(content.header));
    }
    box.appendChild(richText(content.body));
    if (content.footer) box.appendChild(make('div', 'footer-text', content.footer));
    return box;
  }

  function tapNode(content) {
    var box = make('div', 'tap-box');
    box.appendChild(make('span', 'tap-label', 'Tapped a button'));
    var line = make('span', 'tap');
    line.appendChild(icon('reply'));
    line.appendChild(make('span', 'tap-title', content.title));
    box.appendChild(line);
    return box;
  }

  function unsupportedNode(content) {
    var box = make('div', 'unsupported', 'Unsupported message (' + content.type + ')');
    box.appendChild(make('code', 'unsupported-detail', content.detail));
    return box;
  }

  function contentNode(content) {
    switch (content.kind) {
      case 'text': return richText(content.text);
      case 'media': return mediaNode(content);
      case 'location': return locationNode(content);
      case 'buttons': return buttonsBodyNode(content);
      case 'template': return templateNode(content);
      case 'button-tap': return tapNode(content);
      default: return unsupportedNode(content);
    }
  }

  // ------------------------------------------------------------ bubbles

  function statusNode(status) {
    var node = make('span', 'status');
    node.dataset.status = status;
    node.title = STATUS_LABELS[status] || status;
    node.setAttribute('aria-label', STATUS_LABELS[status] || status);
    node.setAttribute('role', 'img');
    node.appendChild(icon(status === 'accepted' ? 'clock' : status === 'sent' ? 'tick' : 'ticks'));
    return node;
  }

  function metaNode(entry) {
    var meta = make('span', 'meta');
    var time = make('time', 'time', timeOf(entry.at));
    time.dateTime = entry.at;
    meta.appendChild(time);
    if (entry.direction === 'outgoing' && entry.status) meta.appendChild(statusNode(entry.status));
    return meta;
  }

  function replyButtonsNode(content, conversation) {
    var list = make('div', 'reply-buttons');
    content.buttons.forEach(function (button) {
      var node = make('button', 'reply-button');
      node.type = 'button';
      node.dataset.buttonId = button.id;
      node.title = 'Tap as the customer';
      node.appendChild(icon('reply'));
      node.appendChild(make('span', 'reply-title', button.title));
      node.addEventListener('click', function () {
        send(conversation, { reply: { id: button.id, title: button.title } });
      });
      list.appendChild(node);
    });
    return list;
  }

  function entryNode(entry, conversation, first) {
    var row = make('div', 'row ' + entry.direction + (first ? ' first' : ''));
    row.dataset.entryId = entry.id;
    row.dataset.kind = entry.content.kind;
    var bubble = make('div', 'bubble' + (entry.pending ? ' pending' : ''));
    bubble.appendChild(contentNode(entry.content));
    bubble.appendChild(metaNode(entry));
    row.appendChild(bubble);
    if (entry.content.kind === 'buttons' && entry.content.buttons.length > 0) {
      row.classList.add('has-buttons');
      row.appendChild(replyButtonsNode(entry.content, conversation));
    }
    if (entry.problem) row.appendChild(make('div', 'problem', entry.problem));
    return row;
  }

  // ------------------------------------------------------------ rendering

  function render() {
    renderNotice();
    renderList();
    renderChat();
  }

  function renderNotice() {
    view.businessNumber.textContent = state.phoneId ? 'Business phoneId ' + state.phoneId : '';
    view.appNotice.hidden = state.appConnected;
    view.appNotice.textContent = state.appConnected
      ? ''
      : 'No app connected: messages your app sends show up here, but writing as a customer needs sandbox.connectApp({ incomingUrl, secret }) in your code.';
  }

  function renderList() {
    var items = sortedConversations().map(listItem);
    view.list.replaceChildren.apply(view.list, items);
    view.emptyList.hidden = items.length > 0;
  }

  function listItem(conversation) {
    var item = make('li');
    var button = make('button', 'conversation');
    button.type = 'button';
    button.dataset.conversationId = conversation.id;
    button.setAttribute('aria-current', String(conversation.id === state.selectedId));
    var avatar = make('span', 'avatar');
    fillAvatar(avatar, conversation.id, displayName(conversation));
    var main = make('span', 'conversation-main');
    var top = make('span', 'conversation-top');
    top.appendChild(make('span', 'conversation-name', displayName(conversation)));
    top.appendChild(make('span', 'conversation-time', conversation.lastActivityAt ? timeOf(conversation.lastActivityAt) : ''));
    var bottom = make('span', 'conversation-bottom');
    bottom.appendChild(make('span', 'conversation-preview', conversation.preview));
    if (conversation.phoneId !== state.phoneId) bottom.appendChild(make('span', 'conversation-via', 'to ' + conversation.phoneId));
    main.appendChild(top);
    main.appendChild(bottom);
    button.appendChild(avatar);
    button.appendChild(main);
    button.addEventListener('click', function () { select(conversation.id); });
    item.appendChild(button);
    return item;
  }

  function renderChat() {
    var conversation = current();
    var open = conversation !== null;
    view.placeholder.hidden = open;
    view.header.hidden = !open;
    view.messages.hidden = !open;
    view.composer.hidden = !open;
    if (!open) return;
    var name = displayName(conversation);
    fillAvatar(view.avatar, conversation.id, name);
    view.title.textContent = name;
    var number = '+' + conversation.customer;
    view.subtitle.textContent = (name === number ? '' : number + ' · ') + 'writes to phoneId ' + conversation.phoneId;
    renderMessages(conversation);
    var canWrite = state.appConnected;
    view.input.disabled = !canWrite;
    view.sendButton.disabled = !canWrite;
    view.input.placeholder = canWrite ? 'Type a message as the customer' : 'Connect your app to write as the customer';
  }

  function renderMessages(conversation) {
    var box = view.messages;
    var switched = box.dataset.conversationId !== conversation.id;
    var atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 60;
    var nodes = [];
    var previous = null;
    (conversation.entries || []).forEach(function (entry) {
      var day = dayOf(entry.at);
      var newDay = !previous || dayOf(previous.at) !== day;
      if (newDay) nodes.push(make('div', 'day', day));
      nodes.push(entryNode(entry, conversation, newDay || previous.direction !== entry.direction));
      previous = entry;
    });
    if (nodes.length === 0) {
      nodes.push(make('div', 'empty-chat', 'Write the first message as this customer: it is delivered to your app like a WhatsApp message.'));
    }
    box.replaceChildren.apply(box, nodes);
    box.dataset.conversationId = conversation.id;
    if (switched || atBottom) box.scrollTop = box.scrollHeight;
  }

  function select(id) {
    state.selectedId = id;
    showError('');
    render();
    if (!view.input.disabled) view.input.focus();
  }

  function showError(message) {
    view.error.textContent = message;
    view.error.hidden = !message;
  }

  // ------------------------------------------------------------ talking to the sandbox

  function loadState() {
    return fetch(API + '/conversations', { headers: { accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error('The sandbox answered HTTP ' + response.status);
        return response.json();
      })
      .then(function (snapshot) {
        applySnapshot(snapshot);
        render();
      })
      .catch(function (error) {
        showError('Could not load the conversations: ' + error.message);
      });
  }

  function send(conversation, content) {
    var payload = { customer: conversation.customer, phoneId: conversation.phoneId };
    var name = state.names.get(conversation.id);
    if (name) payload.name = name;
    if (content.text !== undefined) payload.text = content.text;
    if (content.reply !== undefined) payload.reply = content.reply;
    showError('');
    return fetch(API + '/customer-message', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(payload)
    })
      .then(function (response) {
        return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; });
      })
      .then(function (result) {
        if (!result.ok) throw new Error(result.answer.message || 'The sandbox refused the message');
        if (result.answer.webhookStatus < 200 || result.answer.webhookStatus >= 300) {
          showError('Your app answered the webhook with HTTP ' + result.answer.webhookStatus);
        }
        return true;
      })
      .catch(function (error) {
        showError(error.message);
        return false;
      });
  }

  function listen() {
    var source = new EventSource(API + '/events');
    source.addEventListener('open', loadState);
    source.addEventListener('conversation', function (event) {
      upsert(JSON.parse(event.data));
      render();
    });
    source.addEventListener('reset', function (event) {
      applyReset(JSON.parse(event.data).revision);
      render();
    });
    source.addEventListener('app', function (event) {
      state.appConnected = JSON.parse(event.data).connected;
      render();
    });
  }

  // ------------------------------------------------------------ forms

  function toggleNewChat(open) {
    view.newChat.hidden = !open;
    view.newChatToggle.setAttribute('aria-expanded', String(open));
    if (open) view.newChatNumber.focus();
  }

  function startChat(event) {
    event.preventDefault();
    var customer = digitsOf(view.newChatNumber.value);
    if (!/^[1-9]\d{6,14}$/.test(customer)) {
      showError('Type the customer number with its country code, for example +1 302 389 5111');
      view.newChatNumber.focus();
      return;
    }
    var id = customer + ':' + state.phoneId;
    var name = view.newChatName.value.trim();
    if (name) state.names.set(id, name);
    if (!state.conversations.has(id)) state.draft = { id: id, customer: customer, phoneId: state.phoneId, entries: [] };
    view.newChat.reset();
    toggleNewChat(false);
    select(id);
  }

  function submitComposer(event) {
    event.preventDefault();
    var conversation = current();
    var text = view.input.value;
    if (!conversation || text.trim() === '' || view.input.disabled) return;
    view.input.value = '';
    send(conversation, { text: text }).then(function (sent) {
      if (!sent && view.input.value === '') view.input.value = text;
    });
  }

  function composerKey(event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) submitComposer(event);
  }

  function start() {
    view = {
      businessNumber: byId('business-number'),
      appNotice: byId('app-notice'),
      list: byId('conversation-list'),
      emptyList: byId('empty-list'),
      newChat: byId('new-chat'),
      newChatToggle: byId('new-chat-toggle'),
      newChatNumber: byId('new-chat-number'),
      newChatName: byId('new-chat-name'),
      placeholder: byId('chat-placeholder'),
      header: byId('chat-header'),
      avatar: byId('chat-avatar'),
      title: byId('chat-title'),
      subtitle: byId('chat-subtitle'),
      messages: byId('messages'),
      error: byId('composer-error'),
      composer: byId('composer'),
      input: byId('composer-input'),
      sendButton: byId('composer-send')
    };
    view.sendButton.appendChild(icon('send'));
    view.newChatToggle.addEventListener('click', function () { toggleNewChat(view.newChat.hidden); });
    view.newChat.addEventListener('submit', startChat);
    view.composer.addEventListener('submit', submitComposer);
    view.input.addEventListener('keydown', composerKey);
    loadState();
    listen();
  }

  start();
})();
`;
