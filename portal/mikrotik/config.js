/* This router's portal settings. Download the filled-in file from the admin API:
   GET /api/v1/admin/routers/{routerId}/portal/config.js — then paste the router's API key where it says so.
   Without an API URL and key the pages still log guests in with a voucher or username; buying and reconnecting are off. */
window.HOTSPOT_CONFIG = {
  api: "",
  apiKey: "",
  proveedores: [],
  idioma: "auto"
};
