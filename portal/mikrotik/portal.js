/* The guest's side of the hotspot: returning visitors reconnect without typing (seed 000), guests buy time, vouchers log
   in with CHAP. Everything shown is set with textContent: nothing the router or the API sends is ever parsed as HTML.
   The page tells tests (and anyone curious) where it is through body[data-state] and a "hotspot:state" event. */
(function () {
  'use strict';

  var config = window.HOTSPOT_CONFIG || {};
  /* brand.js: the venue's name, logo, colours, contact and terms; the page still works without it. */
  var brand = window.HotspotBrand || { apply: function () {}, name: function () { return ''; }, contactLine: function () { return ''; }, providerName: function (code) { return String(code); } };
  var KEYS = { username: 'username', password: 'password', storedMac: 'stored_mac', purchase: 'hs_compra' };
  var PLACEHOLDER = /^(|PEGUE_AQUI.*|PASTE_.*)$/;

  var TEXT = {
    es: {
      connecting: 'Conectando…',
      reconnectFailed: 'No pudimos reconectarte automáticamente. Entra con tu usuario y contraseña.',
      expired: 'Tu tiempo de internet se terminó. Elige un plan para seguir navegando.',
      serviceOff: 'Este servicio WiFi no está disponible en este momento. Si tienes una ficha, úsala abajo.',
      apiDown: 'No pudimos comunicarnos con el servicio de pagos. Si tienes una ficha o usuario, puedes entrar abajo.',
      buy: 'Comprar',
      buying: 'Preparando tu pago…',
      buyFailed: 'No pudimos iniciar el pago. Intenta de nuevo en un momento.',
      tooMany: 'Demasiados intentos. Espera unos minutos e intenta de nuevo.',
      pendingTitle: 'Confirmando tu pago…',
      pendingText: 'No cierres esta ventana. En cuanto el pago se confirme verás tu usuario y tu recibo.',
      pendingSlow: 'Tu pago todavía no se confirma. Si ya pagaste, espera un poco y recarga esta página.',
      cashTitle: 'Pago pendiente',
      cashText: 'Puedes cerrar esta página; vuelve aquí cuando esté pagado. Este dispositivo recuerda tu compra.',
      abandon: 'Abandonar esta compra',
      abandoning: 'Cancelando tu compra…',
      abandonFailed: 'No pudimos cancelar la compra. Intenta de nuevo en un momento.',
      abandonWarning: 'Si ya pagaste, no la abandones: tu acceso se activará en cuanto el pago se acredite.',
      newPurchase: 'Iniciar una compra nueva',
      expiredTitle: 'Se terminó el tiempo para pagar',
      attentionTitle: 'Tu pago llegó, falta activar tu acceso',
      contact: 'Pide ayuda al encargado del lugar y muéstrale el folio de este recibo.',
      contactAt: 'Pide ayuda al encargado de {0} y muéstrale el folio de este recibo.',
      endedTitle: 'Esta compra terminó',
      paidTitle: '¡Pago recibido!',
      paidText: 'Guarda estos datos: los necesitas si vuelves a conectarte desde otro dispositivo.',
      failedTitle: 'El pago no se completó',
      lost: 'No encontramos tu compra. Si ya pagaste, avisa al encargado.',
      receipt: { negocio: 'Negocio', folio: 'Folio', producto: 'Plan', monto: 'Total', fecha_pago: 'Fecha de pago', proveedor: 'Pagado con', referencia_proveedor: 'Referencia', medio: 'Medio' },
      receiptContact: 'Contacto: {0}'
    },
    en: {
      connecting: 'Connecting…',
      reconnectFailed: 'We could not reconnect you automatically. Log in with your username and password.',
      expired: 'Your internet time is used up. Choose a plan to keep browsing.',
      serviceOff: 'This WiFi service is not available right now. If you have a voucher, use it below.',
      apiDown: 'We could not reach the payment service. If you have a voucher or an account, you can log in below.',
      buy: 'Buy',
      buying: 'Preparing your payment…',
      buyFailed: 'We could not start the payment. Try again in a moment.',
      tooMany: 'Too many attempts. Wait a few minutes and try again.',
      pendingTitle: 'Confirming your payment…',
      pendingText: 'Keep this window open. As soon as the payment is confirmed you will see your username and receipt.',
      pendingSlow: 'Your payment is not confirmed yet. If you already paid, wait a little and reload this page.',
      cashTitle: 'Payment pending',
      cashText: 'You may close this page; come back here once it is paid. This device remembers your purchase.',
      abandon: 'Abandon this purchase',
      abandoning: 'Cancelling your purchase…',
      abandonFailed: 'We could not cancel the purchase. Try again in a moment.',
      abandonWarning: 'If you already paid, do not abandon it: your access starts as soon as the payment is credited.',
      newPurchase: 'Start a new purchase',
      expiredTitle: 'The time to pay ran out',
      attentionTitle: 'Your payment arrived; your access is not active yet',
      contact: 'Please ask the staff for help and show them the receipt number.',
      contactAt: 'Please ask the staff of {0} for help and show them the receipt number.',
      endedTitle: 'This purchase has ended',
      mensaje: {
        creada: 'Waiting for the payment.',
        pendiente_pago: 'Waiting for the payment.',
        en_proceso: 'Payment pending: it will be confirmed as soon as the provider credits it.',
        aprobada: 'Payment received, activating your access…',
        rechazada: 'The payment was declined.',
        expirada: 'The time to pay ran out; start a new purchase.',
        cancelada: 'The payment was cancelled.',
        requiere_atencion: 'Payment received, but we could not activate your access; the operator has been told.',
        reembolsada: 'The purchase was refunded and the access removed.',
        contracargo: 'The payment was reversed by the bank and the access removed.'
      },
      paidTitle: 'Payment received!',
      paidText: 'Keep these details: you need them to connect again from another device.',
      failedTitle: 'The payment did not go through',
      lost: 'We could not find your purchase. If you already paid, please tell the staff.',
      receipt: { negocio: 'Business', folio: 'Receipt no.', producto: 'Plan', monto: 'Total', fecha_pago: 'Paid on', proveedor: 'Paid with', referencia_proveedor: 'Reference', medio: 'Method' },
      receiptContact: 'Contact: {0}'
    }
  };

  var language = chooseLanguage();
  document.documentElement.lang = language;
  brand.apply(config.marca, config.api);
  var text = TEXT[language];
  var store = openStorage();
  var vars = readVariables();
  var page = document.body.getAttribute('data-page');

  /* config.js may fix the language; "auto" follows the browser when it asks for Spanish or English, else the brand's idioma. */
  function chooseLanguage() {
    var wanted = String(config.idioma || 'auto').toLowerCase();
    if (wanted === 'es' || wanted === 'en') { return wanted; }
    var asked = String(navigator.language || '').toLowerCase().slice(0, 2);
    if (asked === 'es' || asked === 'en') { return asked; }
    return config.marca && config.marca.idioma === 'en' ? 'en' : 'es';
  }

  /* localStorage when the browser keeps it; captive windows (Apple's CNA) may not: then memory for this page only. */
  function openStorage() {
    var memory = {};
    try {
      window.localStorage.setItem('hs_probe', '1');
      window.localStorage.removeItem('hs_probe');
      return window.localStorage;
    } catch (e) {
      return {
        getItem: function (k) { return Object.prototype.hasOwnProperty.call(memory, k) ? memory[k] : null; },
        setItem: function (k, v) { memory[k] = String(v); },
        removeItem: function (k) { delete memory[k]; }
      };
    }
  }

  function readVariables() {
    var values = {};
    var form = document.getElementById('hs');
    if (!form) { return values; }
    var inputs = form.getElementsByTagName('input');
    for (var i = 0; i < inputs.length; i++) { values[inputs[i].name] = inputs[i].value; }
    return values;
  }

  function $(id) { return document.getElementById(id); }
  function show(id, visible) { $(id).hidden = !visible; }

  function setState(state) {
    document.body.setAttribute('data-state', state);
    var event;
    try { event = new CustomEvent('hotspot:state', { detail: state }); } catch (e) { event = document.createEvent('Event'); event.initEvent('hotspot:state', false, false); }
    document.dispatchEvent(event);
  }

  function say(message) {
    var box = $('message');
    box.textContent = message || '';
    box.hidden = !message;
  }

  /* errors.txt holds "Spanish / English": the guest sees the half of their language. */
  function localizeRouterError() {
    var shown = $('router-error');
    if (!shown) { return; }
    var halves = shown.textContent.split(' / ');
    if (halves.length === 2) { shown.textContent = halves[language === 'en' ? 1 : 0]; }
  }

  function apiConfigured() {
    return typeof config.api === 'string' && /^https?:\/\//.test(config.api) && typeof config.apiKey === 'string' && !PLACEHOLDER.test(config.apiKey);
  }

  /* One call to our API; resolves {status, body} or rejects when the API cannot be reached in time. */
  function api(method, path, body, headers) {
    return new Promise(function (resolve, reject) {
      var request = new XMLHttpRequest();
      request.open(method, config.api.replace(/\/+$/, '') + path, true);
      request.timeout = 15000;
      request.setRequestHeader('X-API-Key', config.apiKey);
      if (body) { request.setRequestHeader('Content-Type', 'application/json'); }
      for (var name in headers || {}) { request.setRequestHeader(name, headers[name]); }
      request.onload = function () {
        var parsed = null;
        try { parsed = JSON.parse(request.responseText); } catch (e) { parsed = null; }
        resolve({ status: request.status, body: parsed });
      };
      request.onerror = request.ontimeout = function () { reject(new Error('unreachable')); };
      request.send(body ? JSON.stringify(body) : null);
    });
  }

  function go(url) { window.location.href = url; }

  function destination() { return vars['link-orig'] || vars['link-login-only']; }

  /* ---- logging in through the router ---- */

  function octalToText(escaped) {
    return escaped.replace(/\\([0-7]{3})/g, function (m, digits) { return String.fromCharCode(parseInt(digits, 8)); });
  }

  /* Posts the credentials to $(link-login-only), the password as CHAP when the router offered a challenge. */
  function routerLogin(username, password) {
    /* Kept for the next visit; alogin.html completes the triple with stored_mac once the router said yes. */
    store.setItem(KEYS.username, username);
    store.setItem(KEYS.password, password);
    store.removeItem(KEYS.storedMac);
    var chapId = vars['chap-id'];
    var sent = chapId && typeof window.hexMD5 === 'function'
      ? window.hexMD5(octalToText(chapId) + password + octalToText(vars['chap-challenge'] || ''))
      : password;
    var form = document.createElement('form');
    form.method = 'post';
    form.action = vars['link-login-only'];
    var fields = { username: username, password: sent, dst: vars['link-orig'] || '', popup: 'true' };
    for (var name in fields) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = fields[name];
      form.appendChild(input);
    }
    form.hidden = true;
    document.body.appendChild(form);
    setState('logging-in');
    form.submit();
  }

  function showLoginForm(prefill) {
    if (prefill) {
      $('username').value = store.getItem(KEYS.username) || '';
      $('password').value = store.getItem(KEYS.password) || '';
    }
    show('connecting', false);
    show('login', true);
  }

  /* ---- returning visitor (seed 000) ---- */

  function storedCredentials() {
    var username = store.getItem(KEYS.username);
    var password = store.getItem(KEYS.password);
    var storedMac = store.getItem(KEYS.storedMac);
    return username && password !== null && storedMac ? { username: username, password: password, stored_mac: storedMac } : null;
  }

  function forgetCredentials() {
    store.removeItem(KEYS.username);
    store.removeItem(KEYS.password);
    store.removeItem(KEYS.storedMac);
  }

  function reconnect(credentials) {
    show('login', false);
    show('connecting', true);
    setState('connecting');
    api('POST', '/api/v1/hotspot/auto-reconnect', {
      username: credentials.username,
      password: credentials.password,
      stored_mac: credentials.stored_mac,
      current_mac: vars.mac,
      current_ip: vars.ip
    }).then(function (answer) {
      var body = answer.body || {};
      if (answer.status === 200 && body.auto_conexion === 'conectado') {
        store.setItem(KEYS.storedMac, body.nueva_mac || vars.mac);
        setState('online');
        go(destination());
      } else if (answer.status === 200 && body.estado === 'expirado') {
        forgetCredentials();
        say(text.expired);
        showLoginForm(false);
        loadCatalog();
      } else if (answer.status === 200 && (body.estado === 'empresa_inactiva' || body.estado === 'router_inactivo')) {
        say(text.serviceOff);
        showLoginForm(true);
        setState('login');
      } else if (answer.status === 200 && body.auto_conexion === 'no_conectado' && radiusLogin(body.datos_sesion)) {
        return;
      } else if (answer.status === 200 && body.estado === 'activo') {
        say(text.reconnectFailed);
        showLoginForm(true);
        setState('login');
      } else {
        fallbackLogin(credentials);
      }
    }, function () { fallbackLogin(credentials); });
  }

  /* The API failed: the router itself can still check the stored credentials. */
  function fallbackLogin(credentials) {
    routerLogin(credentials.username, credentials.password);
  }

  /* ---- RADIUS router: the cloud cannot log a device in, so auto-reconnect answers a device login ---- */

  /* Submits datos_sesion's device login through the router's own login form (CHAP when offered). It is good only on
     this device, so it is not kept: the purchase's credentials stay stored for the next visit. */
  function radiusLogin(datos) {
    if (!datos || datos['login-by'] !== 'radius' || !datos.name || !datos.password) { return false; }
    var chapId = vars['chap-id'];
    var form = document.createElement('form');
    form.method = 'post';
    form.action = vars['link-login-only'];
    form.hidden = true;
    var fields = {
      username: datos.name,
      password: chapId && typeof window.hexMD5 === 'function'
        ? window.hexMD5(octalToText(chapId) + datos.password + octalToText(vars['chap-challenge'] || ''))
        : datos.password,
      dst: vars['link-orig'] || '',
      popup: 'true'
    };
    Object.keys(fields).forEach(function (name) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = fields[name];
      form.appendChild(input);
    });
    document.body.appendChild(form);
    setState('logging-in');
    form.submit();
    return true;
  }

  /* ---- buying ---- */

  function newKey() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    var hex = '';
    for (var i = 0; i < bytes.length; i++) { hex += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16); }
    return hex;
  }

  /* config/public once per page: the brand as it is now (config.js holds it as it was when downloaded). A failure is not kept. */
  var publicConfigAsked = null;
  function publicConfig() {
    if (!publicConfigAsked) {
      publicConfigAsked = api('GET', '/api/v1/config/public').then(function (answer) {
        if (answer.status === 200 && answer.body) { brand.apply(answer.body.marca, config.api); } else { publicConfigAsked = null; }
        return answer;
      }, function (error) { publicConfigAsked = null; throw error; });
    }
    return publicConfigAsked;
  }

  function loadCatalog() {
    show('catalog', true);
    setState('catalog-loading');
    Promise.all([api('GET', '/api/v1/catalogo_perfiles_venta'), publicConfig()]).then(function (answers) {
      var catalog = answers[0], venue = answers[1];
      if (catalog.status !== 200 || !Array.isArray(catalog.body)) { throw new Error('catalog ' + catalog.status); }
      var providers = (venue.status === 200 && venue.body && venue.body.pagos && venue.body.pagos.proveedores) || config.proveedores || [];
      if (catalog.body.length === 0) {
        /* Nothing on sale: the voucher form is the whole page. */
        show('catalog', false);
        setState('login');
        return;
      }
      renderProviders(providers);
      renderProducts(catalog.body);
      setState('catalog');
    }).catch(function () {
      show('catalog', false);
      say(text.apiDown);
      setState('login');
    });
  }

  function renderProviders(providers) {
    var select = $('provider');
    select.textContent = '';
    for (var i = 0; i < providers.length; i++) {
      var option = document.createElement('option');
      option.value = providers[i];
      option.textContent = brand.providerName(providers[i]);
      select.appendChild(option);
    }
    show('providers-line', providers.length > 1);
  }

  /* "$15.00 MXN": the currency's narrow symbol, the amount in the guest's locale when it is of the page's language
     (else Mexico's Spanish or US English), and the code, since "$" alone is many currencies. */
  function money(amount, currency) {
    var code = String(currency || '').toUpperCase();
    var locale = String(navigator.language || '').toLowerCase().indexOf(language) === 0 ? navigator.language : (language === 'en' ? 'en-US' : 'es-MX');
    try {
      var parts = new Intl.NumberFormat(locale, { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol' }).formatToParts(amount);
      var symbol = '', number = '';
      parts.forEach(function (part) {
        if (part.type === 'currency') { symbol = part.value; }
        else if (part.type !== 'literal' || number) { number += part.value; }
      });
      return (symbol === code ? '' : symbol) + number.trim() + ' ' + code;
    } catch (e) { return Number(amount).toFixed(2) + ' ' + code; }
  }

  function renderProducts(products) {
    var list = $('products');
    list.textContent = '';
    products.forEach(function (product) {
      var item = document.createElement('li');
      item.className = product.destacado ? 'product featured' : 'product';
      var name = document.createElement('strong');
      name.textContent = product.nombre_venta;
      var price = document.createElement('span');
      price.className = 'price';
      price.textContent = money(product.precio, product.moneda);
      var about = document.createElement('p');
      about.textContent = product.descripcion || '';
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'buy';
      button.textContent = text.buy;
      button.addEventListener('click', function () { buy(product, button); });
      item.appendChild(name);
      item.appendChild(price);
      item.appendChild(about);
      item.appendChild(button);
      list.appendChild(item);
    });
  }

  function buy(product, button) {
    var select = $('provider');
    var provider = select.value || (select.options[0] && select.options[0].value);
    if (!provider) { say(text.buyFailed); return; }
    button.disabled = true;
    say(text.buying);
    /* The key is kept before sending: a retry after a lost answer is the same purchase, never a second charge. */
    var pendingKey = store.getItem('hs_compra_key') || newKey();
    store.setItem('hs_compra_key', pendingKey);
    api('POST', '/api/v1/compras', {
      producto_id: product.id,
      proveedor: provider,
      mac_cliente: vars.mac,
      ip_cliente: vars.ip,
      tipo_usuario: 'usuario_contrasena',
      /* Not logged in behind the guest's back: the router would then answer the return with alogin.html and the
         receipt would never show. The guest taps "Conectarme" once the receipt is on screen. */
      conexion_automatica: false,
      url_login: vars['link-login-only'],
      dst: vars['link-orig'] || undefined
    }, { 'Idempotency-Key': pendingKey }).then(function (answer) {
      var body = answer.body || {};
      if ((answer.status === 201 || answer.status === 200) && body.id_compra && body.pago && body.pago.url_pago) {
        store.removeItem('hs_compra_key');
        store.setItem(KEYS.purchase, JSON.stringify({ id: body.id_compra, token: body.token_consulta }));
        setState('checkout');
        go(body.pago.url_pago);
        return;
      }
      if (answer.status !== 503) { store.removeItem('hs_compra_key'); }
      button.disabled = false;
      say(answer.status === 429 ? text.tooMany : text.buyFailed);
    }, function () {
      button.disabled = false;
      say(text.buyFailed);
    });
  }

  /* $(var) carries "<id_compra>.<token>" after the provider's return: a storage-less captive window still finds its purchase. */
  function purchaseInFlight() {
    var match = /^([A-Za-z0-9_-]{1,100})\.([A-Za-z0-9_-]{1,200})$/.exec(vars['var'] || '');
    if (match) { return { id: match[1], token: match[2] }; }
    try {
      var saved = JSON.parse(store.getItem(KEYS.purchase) || 'null');
      return saved && saved.id && saved.token ? saved : null;
    } catch (e) { return null; }
  }

  /* The API's mensaje is Spanish: an English page says the same in its own words. */
  function purchaseMessage(body) {
    if (language === 'en') { return text.mensaje[body.estado] || ''; }
    return typeof body.mensaje === 'string' ? body.mensaje : '';
  }

  /* Each follow has its own generation: abandoning or leaving the purchase stops the polls of the one before. */
  var following = 0;

  function followPurchase(purchase) {
    var generation = ++following;
    show('login', false);
    show('catalog', false);
    show('purchase', true);
    say('');
    $('purchase-title').textContent = text.pendingTitle;
    $('purchase-text').textContent = text.pendingText;
    show('purchase-abandon', true);
    setState('pending');
    var started = Date.now();
    var delay = 1000;
    function poll() {
      if (generation !== following) { return; }
      api('GET', '/api/v1/compras/' + encodeURIComponent(purchase.id), null, { 'X-Compra-Token': purchase.token }).then(function (answer) {
        if (generation !== following) { return; }
        if (answer.status === 404) { return backToCatalog(text.lost); }
        if (answer.status !== 200 || !answer.body) { return again(); }
        if (!showPurchase(answer.body)) { again(); }
      }, again);
    }
    function again() {
      if (generation !== following) { return; }
      if (document.body.getAttribute('data-state') === 'pending' && Date.now() - started > 180000) {
        $('purchase-text').textContent = text.pendingSlow;
        setState('pending-slow');
      }
      delay = Math.min(delay * 1.5, 5000);
      window.setTimeout(poll, delay);
    }
    $('purchase-abandon').onclick = function () { abandonPurchase(purchase); };
    poll();
  }

  /* One screen per estado (README's purchase-state table); true when the purchase reached an end and polling stops. */
  function showPurchase(body) {
    var estado = body.estado;
    if (estado === 'provisionada' && body.usuario_hotspot && body.usuario_hotspot.usuario) { showReceipt(body); return true; }
    if (estado === 'rechazada' || estado === 'cancelada') { backToCatalog(purchaseMessage(body)); return true; }
    if (estado === 'expirada') { endPurchase(text.expiredTitle, purchaseMessage(body), 'purchase-expired', text.newPurchase); return true; }
    if (estado === 'requiere_atencion') { showAttention(body); return true; }
    if (estado === 'reembolsada' || estado === 'contracargo') { endPurchase(text.endedTitle, purchaseMessage(body), 'purchase-ended', null); return true; }
    if (estado === 'en_proceso') {
      /* Cash or transfer: nothing happens here until it is paid. The purchase stays in storage for the next visit. */
      $('purchase-title').textContent = text.cashTitle;
      $('purchase-text').textContent = purchaseMessage(body) + ' ' + text.cashText;
      setState('cash-pending');
    } else if (estado === 'aprobada') {
      /* Paid: nothing left to abandon. */
      $('purchase-text').textContent = purchaseMessage(body);
      show('purchase-abandon', false);
    }
    return false;
  }

  function backToCatalog(reason) {
    following++;
    store.removeItem(KEYS.purchase);
    show('purchase', false);
    show('login', true);
    say(reason);
    loadCatalog();
  }

  /* An end with its own screen and one action: back to the plans (for expired: start a new purchase). */
  function endPurchase(title, message, state, action) {
    following++;
    store.removeItem(KEYS.purchase);
    $('purchase-title').textContent = title;
    $('purchase-text').textContent = message;
    show('purchase-abandon', false);
    var back = $('purchase-back');
    if (action) { back.textContent = action; }
    show('purchase-back', true);
    setState(state);
  }

  /* Paid but not activated: the operator retries; the receipt and who to ask are what the guest needs now. */
  function showAttention(body) {
    following++;
    store.removeItem(KEYS.purchase);
    $('purchase-title').textContent = text.attentionTitle;
    $('purchase-text').textContent = purchaseMessage(body);
    renderReceipt(body);
    show('purchase-abandon', false);
    var contact = $('purchase-contact');
    contact.textContent = text.contact;
    contact.hidden = false;
    function venueContact() {
      var name = brand.name();
      var line = brand.contactLine();
      if (name) { contact.textContent = text.contactAt.replace('{0}', name) + (line ? ' ' + line : ''); }
    }
    venueContact();
    publicConfig().then(function () { venueContact(); renderReceipt(body); }, function () { return null; });
    show('purchase-back', true);
    setState('purchase-attention');
  }

  /* Asks the API to close the checkout and cancel; a purchase paid meanwhile answers paid and its screen shows. */
  function abandonPurchase(purchase) {
    var button = $('purchase-abandon');
    button.disabled = true;
    following++;
    $('purchase-text').textContent = text.abandoning;
    api('POST', '/api/v1/compras/' + encodeURIComponent(purchase.id) + '/abandonar', null, { 'X-Compra-Token': purchase.token }).then(function (answer) {
      button.disabled = false;
      if (answer.status === 404) { return backToCatalog(text.lost); }
      if (answer.status !== 200 || !answer.body) { $('purchase-text').textContent = text.abandonFailed + ' ' + text.abandonWarning; return; }
      if (!showPurchase(answer.body)) { followPurchase(purchase); }
    }, function () {
      button.disabled = false;
      $('purchase-text').textContent = text.abandonFailed + ' ' + text.abandonWarning;
    });
  }

  function renderReceipt(body) {
    var receipt = $('receipt');
    receipt.textContent = '';
    var recibo = body.recibo || {};
    var rows = [
      ['negocio', brand.name()],
      ['folio', recibo.folio],
      ['producto', body.producto && body.producto.nombre_venta],
      ['monto', body.monto !== undefined && body.moneda ? money(body.monto, body.moneda) : null],
      ['fecha_pago', recibo.fecha_pago ? new Date(recibo.fecha_pago).toLocaleString(language === 'en' ? 'en' : 'es') : null],
      ['proveedor', recibo.proveedor ? brand.providerName(recibo.proveedor) : null],
      ['referencia_proveedor', recibo.referencia_proveedor],
      ['medio', recibo.medio]
    ];
    rows.forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === '') { return; }
      var term = document.createElement('dt');
      term.textContent = text.receipt[row[0]];
      var value = document.createElement('dd');
      value.textContent = String(row[1]);
      receipt.appendChild(term);
      receipt.appendChild(value);
    });
    receipt.hidden = false;
    var venue = $('receipt-venue');
    var contactLine = brand.contactLine();
    venue.textContent = contactLine ? text.receiptContact.replace('{0}', contactLine) : '';
    venue.hidden = !contactLine;
  }

  /* The credentials and the receipt come first: the captive window may close the moment the guest is online. */
  function showReceipt(body) {
    following++;
    store.removeItem(KEYS.purchase);
    show('purchase-abandon', false);
    var username = body.usuario_hotspot.usuario;
    var password = body.usuario_hotspot.contrasena || '';
    store.setItem(KEYS.username, username);
    store.setItem(KEYS.password, password);
    store.setItem(KEYS.storedMac, vars.mac);
    $('purchase-title').textContent = text.paidTitle;
    $('purchase-text').textContent = text.paidText;
    $('credential-user').textContent = username;
    $('credential-password').textContent = password;
    show('credentials', true);
    renderReceipt(body);
    publicConfig().then(function () { renderReceipt(body); }, function () { return null; });
    var connect = $('purchase-connect');
    connect.hidden = false;
    connect.addEventListener('click', function () {
      connect.disabled = true;
      show('purchase', false);
      /* Through auto-reconnect, so that the purchase's device family is kept as for any returning visitor. */
      reconnect({ username: username, password: password, stored_mac: vars.mac });
    });
    setState('receipt');
  }

  /* ---- pages ---- */

  function loginPage() {
    localizeRouterError();
    var form = $('login-form');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      routerLogin($('username').value, $('password').value);
    });
    $('purchase-back').addEventListener('click', function () { backToCatalog(''); });
    var routerRefused = !!vars.error;
    if (!apiConfigured()) {
      var saved = storedCredentials();
      if (saved && !routerRefused) { return fallbackLogin(saved); }
      showLoginForm(!!saved);
      setState('login');
      return;
    }
    var purchase = purchaseInFlight();
    if (purchase) { return followPurchase(purchase); }
    var credentials = storedCredentials();
    if (credentials && !routerRefused) { return reconnect(credentials); }
    showLoginForm(!!credentials);
    loadCatalog();
  }

  function aloginPage() {
    /* The device's MAC now: the stored_mac of the next visit (seed 000). */
    if (store.getItem(KEYS.username) && vars.mac) { store.setItem(KEYS.storedMac, vars.mac); }
    setState('online');
    var next = vars['link-redirect'];
    if (next) { window.setTimeout(function () { window.location.replace(next); }, 1500); }
  }

  function logoutPage() {
    /* Logging out on purpose: the next visit must not log straight back in. */
    forgetCredentials();
    setState('logged-out');
  }

  if (page === 'login') { loginPage(); }
  else if (page === 'alogin') { aloginPage(); }
  else if (page === 'logout') { logoutPage(); }
  else if (page === 'error') { localizeRouterError(); setState('error'); }
  else { setState(page || 'page'); }
})();
