import { lang } from './i18n.js';

const locale = () => (lang === 'en' ? 'en-US' : 'es-MX');

/** Money as the API sends it (a decimal with two places, per currency); cents are added as integers. */
export const cents = (amount) => Math.round(Number(amount || 0) * 100);

export function money(amount, currency) {
  try {
    return new Intl.NumberFormat(locale(), { style: 'currency', currency, currencyDisplay: 'code' }).format(Number(amount || 0));
  } catch {
    return Number(amount || 0).toFixed(2) + ' ' + currency;
  }
}

export const moneyCents = (value, currency) => money(value / 100, currency);

export function dateTime(iso) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function duration(seconds) {
  const s = Number(seconds || 0);
  if (s % 86400 === 0) return (s / 86400) + ' d';
  if (s % 3600 === 0) return (s / 3600) + ' h';
  return Math.round(s / 60) + ' min';
}

/** The yyyy-MM-dd of an instant in an IANA zone (the company's sales days). */
export function dayIn(zone, instant = new Date()) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A yyyy-MM-dd key moved by n days (calendar arithmetic, no zone involved). */
export function addDays(key, n) {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export function shortDay(key) {
  const [y, m, d] = key.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
