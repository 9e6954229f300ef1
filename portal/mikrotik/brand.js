/* The venue's brand on every page: its name, logo, two colours, contact and terms. Values come from config.js (as the
   brand was when the file was made) and, on the login page, from config/public (the brand now). Everything is set as
   text or as a checked attribute: a name full of markup shows as those characters. Colours are used only when they
   are #rrggbb, and only through CSS custom properties. */
(function () {
  'use strict';

  var COLOR = /^#[0-9a-fA-F]{6}$/;
  var PROVIDERS = { mercado_pago: 'Mercado Pago', stripe: 'Stripe', conekta: 'Conekta', efectivo: 'Efectivo' };

  function $(id) { return document.getElementById(id); }

  function text(value) { return typeof value === 'string' && value.trim() ? value.trim() : ''; }

  /* Black or white, whichever reads better on the colour (WCAG relative luminance). */
  function readableOn(hex) {
    var channel = function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    };
    var luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    return luminance > 0.4 ? '#1d2430' : '#ffffff';
  }

  function colours(marca) {
    var style = document.documentElement.style;
    if (COLOR.test(marca.color_primario || '')) {
      style.setProperty('--brand-primary', marca.color_primario);
      style.setProperty('--brand-on-primary', readableOn(marca.color_primario));
    }
    if (COLOR.test(marca.color_secundario || '')) {
      style.setProperty('--brand-secondary', marca.color_secundario);
      style.setProperty('--brand-on-secondary', readableOn(marca.color_secundario));
    }
  }

  /* Only our own API's https (or the lab's http) address: a logo is never fetched from anywhere else. */
  function logo(marca, apiBase) {
    var image = $('brand-logo');
    if (!image) { return; }
    var url = text(marca.logo_url);
    var ours = url && apiBase && url.indexOf(apiBase.replace(/\/+$/, '') + '/api/v1/marcas/') === 0;
    if (!ours) { image.hidden = true; image.removeAttribute('src'); return; }
    image.onerror = function () { image.hidden = true; };
    image.src = url;
    image.hidden = false;
  }

  function link(id, href, label) {
    var a = $(id);
    if (!a) { return false; }
    a.hidden = !href;
    if (href) { a.href = href; a.textContent = label; } else { a.removeAttribute('href'); a.textContent = ''; }
    return !!href;
  }

  function contact(marca) {
    var phone = text(marca.telefono), whatsapp = text(marca.whatsapp), email = text(marca.email);
    var any = link('brand-phone', phone ? 'tel:' + phone.replace(/[^+0-9]/g, '') : '', phone);
    any = link('brand-whatsapp', whatsapp ? 'https://wa.me/' + whatsapp.replace(/[^0-9]/g, '') : '', 'WhatsApp ' + whatsapp) || any;
    any = link('brand-email', /^[^\s<>"'@]+@[^\s<>"'@]+$/.test(email) ? 'mailto:' + email : '', email) || any;
    var box = $('brand-contact');
    if (box) { box.hidden = !any; }
    return any;
  }

  function terms(marca) {
    var box = $('brand-terms');
    if (!box) { return false; }
    var value = text(marca.terminos);
    $('brand-terms-text').textContent = value;
    box.hidden = !value;
    return !!value;
  }

  window.HotspotBrand = {
    /* The display name of a payment provider's code (mercado_pago → Mercado Pago). */
    providerName: function (code) {
      var value = String(code || '');
      if (Object.prototype.hasOwnProperty.call(PROVIDERS, value)) { return PROVIDERS[value]; }
      return value.replace(/_/g, ' ').replace(/\b[a-z]/g, function (c) { return c.toUpperCase(); });
    },

    /* The venue's name, or '' when no brand is known. */
    name: function () { return text(window.HotspotBrand.current.nombre_comercial); },

    current: {},

    /* Shows a brand on the page; fields it lacks keep the page's defaults. */
    apply: function (marca, apiBase) {
      if (!marca || typeof marca !== 'object') { return; }
      window.HotspotBrand.current = marca;
      var name = text(marca.nombre_comercial);
      var shown = $('brand-name');
      if (name && shown) {
        shown.textContent = name;
        document.title = name + ' · WiFi';
      }
      colours(marca);
      logo(marca, apiBase);
      var reachable = contact(marca);
      var bound = terms(marca);
      var venue = $('brand-venue');
      if (venue) { venue.hidden = !reachable && !bound; }
    },

    /* The contact as one line of text (for the receipt): phone, WhatsApp, e-mail. */
    contactLine: function () {
      var marca = window.HotspotBrand.current;
      return [text(marca.telefono), text(marca.whatsapp) ? 'WhatsApp ' + text(marca.whatsapp) : '', text(marca.email)]
        .filter(function (part) { return part; }).join(' · ');
    }
  };
})();
