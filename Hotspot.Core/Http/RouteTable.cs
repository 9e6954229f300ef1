using System.Text.Json.Nodes;
using Hotspot.ActionApi;
using Hotspot.Auth;
using Hotspot.Branding;
using Hotspot.ExternalPortal;
using Hotspot.Health;
using Hotspot.Http.Contracts;
using Hotspot.Http.OpenApi;
using Hotspot.MikrotikPortal;
using Hotspot.OperatorConsole;
using Hotspot.PortalLogin;
using Hotspot.Radius;
using Hotspot.Reconnect;
using Hotspot.Sales.Catalog;
using Hotspot.Storage;
using Hotspot.Sales.Purchases;
using Hotspot.Sales.Reports;
using Hotspot.Sweeper;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Admin;
using Hotspot.Vouchers.Batches;

namespace Hotspot.Http;

/// <summary>
/// Every HTTP endpoint of Hotspot, in one place, each with its contract. The DevHost maps this table; Hotspot.Functions
/// binds one function per entry (a parity test keeps the two in step); the OpenAPI document is generated from it.
/// Paths are absolute: Functions runs with an empty route prefix so that routes outside /api (UniFi's /guest/s/{site}/)
/// are possible. The answers every route can give (408/413 for its body, 401/403 by its auth kind, 400/422 for JSON, 500) are added to
/// each contract by <see cref="RouteContract.ForRoute"/>.
/// </summary>
public static class RouteTable
{
    private const string Admin = "/api/v1/admin";

    public static readonly HotspotRoute Health = new("Health", ["GET"], "/api/health", AuthKind.Anonymous, Handle.With<TableStore>(HealthEndpoint.GetAsync),
        new RouteContract("Liveness and storage reachability")
            .Answers<HealthReport>(200, "The API answers and Table Storage is reachable.")
            .Answers<HealthReport>(503, "Table Storage did not answer within 3 s."));

    public static readonly HotspotRoute OpenApiDocument = new("OpenApiDocument", ["GET"], "/api/openapi.json", AuthKind.Anonymous, OpenApiEndpoint.GetAsync,
        new RouteContract("This API's OpenAPI 3.1 document")
            .AnswersWithSchema(200, "The document, generated from the route table.", new JsonObject { ["type"] = "object" }));

    public static readonly HotspotRoute Login = new("Login", ["POST"], "/api/v1/auth/login", AuthKind.Anonymous, Handle.With<AdminSessions>(AuthEndpoints.LoginAsync),
        new RouteContract("Exchange an admin's email and password for a session token (seed 004)")
            .Accepts<LoginRequest>()
            .Answers<LoginResponse>(200, "A session token for `Authorization: Bearer`.")
            .Fails(401, 429));

    public static readonly HotspotRoute Logout = new("Logout", ["POST"], "/api/v1/auth/logout", AuthKind.Session, AuthEndpoints.LogoutAsync,
        new RouteContract("Confirm a logout; the client discards its token")
            .Answers<MessageResponse>(200, "Confirmed."));

    public static readonly HotspotRoute ChangePassword = new("ChangePassword", ["POST"], "/api/v1/auth/change-password", AuthKind.Session, Handle.With<AdminSessions>(AuthEndpoints.ChangePasswordAsync),
        new RouteContract("Change the caller's own password")
            .Accepts<ChangePasswordRequest>()
            .Answers<MessageResponse>(200, "Changed; the current token stays valid.")
            .Fails(409, 429));

    public static readonly HotspotRoute CreateEmpresa = new("CreateEmpresa", ["POST"], $"{Admin}/empresas", AuthKind.SuperAdmin, Handle.With<EmpresaAdmin>(EmpresaEndpoints.CreateAsync),
        new RouteContract("Create a company")
            .Accepts<EmpresaRequest>()
            .Answers<EmpresaResponse>(201, "Created.")
            .Fails(503));

    public static readonly HotspotRoute ListEmpresas = new("ListEmpresas", ["GET"], $"{Admin}/empresas", AuthKind.SuperAdmin, Handle.With<EmpresaAdmin>(EmpresaEndpoints.ListAsync),
        new RouteContract("List companies").Paged()
            .Answers<PageResponse<EmpresaResponse>>(200, "A page of companies.")
            .Fails(422));

    public static readonly HotspotRoute GetEmpresa = new("GetEmpresa", ["GET"], $"{Admin}/empresas/{{empresaId}}", AuthKind.Session, Handle.With<EmpresaAdmin>(EmpresaEndpoints.GetAsync),
        new RouteContract("Read a company (a cliente_admin only its own)")
            .Answers<EmpresaResponse>(200, "The company.")
            .Fails(404));

    public static readonly HotspotRoute UpdateEmpresa = new("UpdateEmpresa", ["PATCH"], $"{Admin}/empresas/{{empresaId}}", AuthKind.SuperAdmin, Handle.With<EmpresaAdmin>(EmpresaEndpoints.UpdateAsync),
        new RouteContract("Update a company; `activa` activates or deactivates it")
            .Accepts<EmpresaRequest>()
            .Answers<EmpresaResponse>(200, "Updated.")
            .Fails(404, 409));

    public static readonly HotspotRoute GetMiEmpresa = new("GetMiEmpresa", ["GET"], $"{Admin}/mi-empresa", AuthKind.ClienteAdmin, Handle.With<EmpresaAdmin>(EmpresaEndpoints.GetOwnAsync),
        new RouteContract("Read the caller's own company")
            .Answers<EmpresaResponse>(200, "The company.")
            .Fails(404));

    public static readonly HotspotRoute UpdateMiEmpresa = new("UpdateMiEmpresa", ["PATCH"], $"{Admin}/mi-empresa", AuthKind.ClienteAdmin, Handle.With<EmpresaAdmin>(EmpresaEndpoints.UpdateOwnAsync),
        new RouteContract("Update the contact fields of the caller's own company")
            .Accepts<EmpresaRequest>()
            .Answers<EmpresaResponse>(200, "Updated.")
            .Fails(404, 409));

    public static readonly HotspotRoute CreateUsuario = new("CreateUsuario", ["POST"], $"{Admin}/usuarios", AuthKind.Session, Handle.With<UsuarioAdmin>(UsuarioEndpoints.CreateAsync),
        new RouteContract("Create an admin user (a cliente_admin: a cajero of its own company)")
            .Accepts<UsuarioRequest>()
            .Answers<UsuarioResponse>(201, "Created.")
            .Fails(403, 409, 503));

    public static readonly HotspotRoute ListUsuarios = new("ListUsuarios", ["GET"], $"{Admin}/usuarios", AuthKind.Session, Handle.With<UsuarioAdmin>(UsuarioEndpoints.ListAsync),
        new RouteContract("List admin users (a cliente_admin: its own company's cajeros)").Paged()
            .Answers<PageResponse<UsuarioResponse>>(200, "A page of users.")
            .Fails(422));

    public static readonly HotspotRoute GetUsuario = new("GetUsuario", ["GET"], $"{Admin}/usuarios/{{usuarioId}}", AuthKind.Session, Handle.With<UsuarioAdmin>(UsuarioEndpoints.GetAsync),
        new RouteContract("Read an admin user (a cliente_admin: only its own company's cajeros)")
            .Answers<UsuarioResponse>(200, "The user.")
            .Fails(404));

    public static readonly HotspotRoute UpdateUsuario = new("UpdateUsuario", ["PATCH"], $"{Admin}/usuarios/{{usuarioId}}", AuthKind.Session, Handle.With<UsuarioAdmin>(UsuarioEndpoints.UpdateAsync),
        new RouteContract("Update an admin user; `activo` activates or deactivates (never oneself); a cliente_admin only its own company's cajeros")
            .Accepts<UsuarioRequest>()
            .Answers<UsuarioResponse>(200, "Updated.")
            .Fails(404, 409));

    public static readonly HotspotRoute CreateRouter = new("CreateRouter", ["POST"], $"{Admin}/empresas/{{empresaId}}/routers", AuthKind.SuperAdmin, Handle.With<RouterAdmin>(RouterEndpoints.CreateAsync),
        new RouteContract("Create a router of a company; its password or UniFi API key goes to the secret store")
            .Accepts<RouterRequest>()
            .Answers<RouterResponse>(201, "Created; secrets come back as ********.")
            .Fails(404, 503));

    public static readonly HotspotRoute RegenerateRadiusToken = new("RegenerateRadiusToken", ["POST"], $"{Admin}/routers/{{routerId}}/radius/regenerate", AuthKind.Session, Handle.With<RouterAdmin>(RouterEndpoints.RegenerateRadiusAsync),
        new RouteContract("Give a RADIUS router a new client identity (NAS-Identifier); the old one stops working")
            .Answers<RouterResponse>(200, "The router with its new `radius.nas_identifier`, shown this once.")
            .Fails(404, 409, 503));

    public static readonly HotspotRoute ListRouters = new("ListRouters", ["GET"], $"{Admin}/empresas/{{empresaId}}/routers", AuthKind.Session, Handle.With<RouterAdmin>(RouterEndpoints.ListAsync),
        new RouteContract("List a company's routers").Paged()
            .Answers<PageResponse<RouterResponse>>(200, "A page of routers.")
            .Fails(404, 422));

    public static readonly HotspotRoute GetRouter = new("GetRouter", ["GET"], $"{Admin}/routers/{{routerId}}", AuthKind.Session, Handle.With<RouterAdmin>(RouterEndpoints.GetAsync),
        new RouteContract("Read a router")
            .Answers<RouterResponse>(200, "The router; secrets as ********.")
            .Fails(404));

    public static readonly HotspotRoute UpdateRouter = new("UpdateRouter", ["PATCH"], $"{Admin}/routers/{{routerId}}", AuthKind.Session, Handle.With<RouterAdmin>(RouterEndpoints.UpdateAsync),
        new RouteContract("Update a router's connection settings or `activo`")
            .Accepts<RouterRequest>()
            .Answers<RouterResponse>(200, "Updated.")
            .Fails(403, 404, 409, 503));

    public static readonly HotspotRoute DeleteRouter = new("DeleteRouter", ["DELETE"], $"{Admin}/routers/{{routerId}}", AuthKind.SuperAdmin, Handle.With<RouterAdmin>(RouterEndpoints.DeleteAsync),
        new RouteContract("Delete a router")
            .AnswersEmpty(204, "Deleted.")
            .Fails(404, 409));

    public static readonly HotspotRoute GetMarcaEmpresa = new("GetMarcaEmpresa", ["GET"], $"{Admin}/empresas/{{empresaId}}/marca", AuthKind.Session, Handle.With<MarcaAdmin>(MarcaEndpoints.GetCompanyAsync),
        new RouteContract("Read a company's brand (a cliente_admin only its own)")
            .Answers<MarcaResponse>(200, "The brand; fields not set are null.")
            .Fails(404));

    public static readonly HotspotRoute PutMarcaEmpresa = new("PutMarcaEmpresa", ["PUT"], $"{Admin}/empresas/{{empresaId}}/marca", AuthKind.Session, Handle.With<MarcaAdmin>(MarcaEndpoints.PutCompanyAsync),
        new RouteContract("Set a company's brand: business name, colours, contact, terms, language default")
            .Accepts<MarcaRequest>()
            .Answers<MarcaResponse>(200, "Saved.")
            .Fails(404));

    public static readonly HotspotRoute GetMarcaRouter = new("GetMarcaRouter", ["GET"], $"{Admin}/routers/{{routerId}}/marca", AuthKind.Session, Handle.With<MarcaAdmin>(MarcaEndpoints.GetRouterAsync),
        new RouteContract("Read a router's brand override")
            .Answers<MarcaResponse>(200, "The override; fields not set are null and fall back to the company's.")
            .Fails(404));

    public static readonly HotspotRoute PutMarcaRouter = new("PutMarcaRouter", ["PUT"], $"{Admin}/routers/{{routerId}}/marca", AuthKind.Session, Handle.With<MarcaAdmin>(MarcaEndpoints.PutRouterAsync),
        new RouteContract("Set a router's brand override; each field set wins over the company's")
            .Accepts<MarcaRequest>()
            .Answers<MarcaResponse>(200, "Saved.")
            .Fails(404));

    public static readonly HotspotRoute DeleteMarcaRouter = new("DeleteMarcaRouter", ["DELETE"], $"{Admin}/routers/{{routerId}}/marca", AuthKind.Session, Handle.With<MarcaAdmin>(MarcaEndpoints.DeleteRouterAsync),
        new RouteContract("Remove a router's brand override; the company's applies")
            .AnswersEmpty(204, "Removed.")
            .Fails(404));

    public static readonly HotspotRoute PutMarcaEmpresaLogo = new("PutMarcaEmpresaLogo", ["PUT"], $"{Admin}/empresas/{{empresaId}}/marca/logo", AuthKind.Session, Handle.With<MarcaLogos>(MarcaLogoEndpoints.PutCompanyAsync),
        LogoUpload(new RouteContract("Set a company's logo: the image itself as the body")));

    public static readonly HotspotRoute DeleteMarcaEmpresaLogo = new("DeleteMarcaEmpresaLogo", ["DELETE"], $"{Admin}/empresas/{{empresaId}}/marca/logo", AuthKind.Session, Handle.With<MarcaLogos>(MarcaLogoEndpoints.DeleteCompanyAsync),
        new RouteContract("Remove a company's logo")
            .AnswersEmpty(204, "Removed (or there was none).")
            .Fails(404));

    public static readonly HotspotRoute PutMarcaRouterLogo = new("PutMarcaRouterLogo", ["PUT"], $"{Admin}/routers/{{routerId}}/marca/logo", AuthKind.Session, Handle.With<MarcaLogos>(MarcaLogoEndpoints.PutRouterAsync),
        LogoUpload(new RouteContract("Set a router's own logo, shown instead of the company's")));

    public static readonly HotspotRoute DeleteMarcaRouterLogo = new("DeleteMarcaRouterLogo", ["DELETE"], $"{Admin}/routers/{{routerId}}/marca/logo", AuthKind.Session, Handle.With<MarcaLogos>(MarcaLogoEndpoints.DeleteRouterAsync),
        new RouteContract("Remove a router's own logo; the company's applies")
            .AnswersEmpty(204, "Removed (or there was none).")
            .Fails(404));

    public static readonly HotspotRoute MarcaLogo = new("MarcaLogo", ["GET"], "/api/v1/marcas/{empresaId}/logos/{logoHash}", AuthKind.Anonymous, Handle.With<MarcaLogos>(MarcaLogoEndpoints.GetPublicAsync),
        new RouteContract("A brand's logo, as guests' pages load it (the `logo_url` of config/public)")
            .Describe("`logoHash` is the SHA-256 of the image: a URL names one picture for ever, so it is served with `Cache-Control: " + MarcaLogoEndpoints.CacheControl + "` and that hash as its ETag (`If-None-Match` answers 304), `X-Content-Type-Options: nosniff` and `Content-Security-Policy: " + MarcaLogoEndpoints.ContentSecurityPolicy + "`.")
            .AnswersFile(200, "The image (image/png, image/jpeg or image/webp).", "image/*")
            .AnswersEmpty(304, "The copy the browser holds is this one.")
            .Fails(404));

    public static readonly HotspotRoute TestRouterConnection = new("TestRouterConnection", ["POST"], $"{Admin}/routers/{{routerId}}/test-connection", AuthKind.Session, Handle.With<RouterConnectionTest>(RouterTestEndpoints.TestConnectionAsync),
        new RouteContract("Try the router's stored connection settings")
            .Answers<ConnectionTestResponse>(200, "The outcome: `ok`, or what failed.")
            .Fails(404, 422));

    public static readonly HotspotRoute IssueApiKey = new("IssueApiKey", ["POST"], $"{Admin}/routers/{{routerId}}/api-keys", AuthKind.Session, Handle.With<ApiKeyAdmin>(ApiKeyEndpoints.IssueAsync),
        new RouteContract("Issue a router API key (returned once)")
            .Describe("`alcance`: `portal` (default; the key published in the portal pages: seed 000, catalog, purchases) or `integracion` (a server's secret key: seed 001, seed 002, the UniFi API, and everything a portal key opens).")
            .Accepts<ApiKeyRequest>()
            .Answers<IssuedApiKey>(201, "The key, as `api_key`; never shown again.")
            .Fails(404, 409, 503));

    public static readonly HotspotRoute ListApiKeys = new("ListApiKeys", ["GET"], $"{Admin}/routers/{{routerId}}/api-keys", AuthKind.Session, Handle.With<ApiKeyAdmin>(ApiKeyEndpoints.ListAsync),
        new RouteContract("List a router's API keys with `alcance`, `estado` and `last_used`").Paged()
            .Answers<PageResponse<ApiKeyStatus>>(200, "A page of keys.")
            .Fails(404, 422));

    public static readonly HotspotRoute RegenerateApiKey = new("RegenerateApiKey", ["POST"], $"{Admin}/routers/{{routerId}}/api-keys/regenerate", AuthKind.Session, Handle.With<ApiKeyAdmin>(ApiKeyEndpoints.RegenerateAsync),
        new RouteContract("Revoke every active key of the router of one scope and issue one new key of it")
            .Describe("`alcance` as on issue (default `portal`): rotating the published portal key leaves the integration keys working, and the other way round.")
            .Accepts<ApiKeyRequest>()
            .Answers<IssuedApiKey>(201, "The new key, as `api_key`.")
            .Fails(404, 409, 503));

    public static readonly HotspotRoute GetApiKey = new("GetApiKey", ["GET"], $"{Admin}/routers/{{routerId}}/api-keys/{{keyId}}", AuthKind.Session, Handle.With<ApiKeyAdmin>(ApiKeyEndpoints.GetAsync),
        new RouteContract("Status of one API key")
            .Answers<ApiKeyStatus>(200, "The key's status.")
            .Fails(404));

    public static readonly HotspotRoute RevokeApiKey = new("RevokeApiKey", ["DELETE"], $"{Admin}/routers/{{routerId}}/api-keys/{{keyId}}", AuthKind.Session, Handle.With<ApiKeyAdmin>(ApiKeyEndpoints.RevokeAsync),
        new RouteContract("Revoke an API key (at once on this instance, within 30 s on others)")
            .Answers<ApiKeyStatus>(200, "The revoked key's status.")
            .Fails(404));

    public static readonly HotspotRoute ListAudit = new("ListAudit", ["GET"], $"{Admin}/audit", AuthKind.Session, Handle.With<AuditLog>(AuditEndpoints.ListAsync),
        new RouteContract("Admin writes, newest first (a cliente_admin sees its company's)").Paged()
            .Answers<PageResponse<AuditEntry>>(200, "A page of entries.")
            .Fails(422));

    public static readonly HotspotRoute SweepRouter = new("SweepRouter", ["POST"], $"{Admin}/routers/{{routerId}}/sweep", AuthKind.SuperAdmin, Handle.With<SweepOnDemand>(SweepEndpoints.SweepAsync),
        new RouteContract("Sweep one router now")
            .Answers<SweepReport>(200, "What the sweep did.")
            .Fails(404));

    public static readonly HotspotRoute CreateProducto = new("CreateProducto", ["POST"], $"{Admin}/routers/{{routerId}}/productos", AuthKind.Session, Handle.With<ProductCatalog>(CatalogEndpoints.CreateAsync),
        new RouteContract("Create a product a router sells (a MikroTik profile is checked against the router)")
            .Accepts<ProductoRequest>()
            .Answers<ProductoResponse>(201, "Created.")
            .Fails(404, 503));

    public static readonly HotspotRoute ListProductos = new("ListProductos", ["GET"], $"{Admin}/routers/{{routerId}}/productos", AuthKind.Session, Handle.With<ProductCatalog>(CatalogEndpoints.ListAsync),
        new RouteContract("List a router's products, on sale or not").Paged()
            .Answers<PageResponse<ProductoResponse>>(200, "A page of products.")
            .Fails(404, 422));

    public static readonly HotspotRoute GetProducto = new("GetProducto", ["GET"], $"{Admin}/productos/{{productoId}}", AuthKind.Session, Handle.With<ProductCatalog>(CatalogEndpoints.GetAsync),
        new RouteContract("Read a product")
            .Answers<ProductoResponse>(200, "The product.")
            .Fails(404));

    public static readonly HotspotRoute UpdateProducto = new("UpdateProducto", ["PATCH"], $"{Admin}/productos/{{productoId}}", AuthKind.Session, Handle.With<ProductCatalog>(CatalogEndpoints.UpdateAsync),
        new RouteContract("Change a product; absent fields keep their value")
            .Accepts<ProductoRequest>()
            .Answers<ProductoResponse>(200, "Updated.")
            .Fails(404, 409, 503));

    public static readonly HotspotRoute DeactivateProducto = new("DeactivateProducto", ["DELETE"], $"{Admin}/productos/{{productoId}}", AuthKind.Session, Handle.With<ProductCatalog>(CatalogEndpoints.DeactivateAsync),
        new RouteContract("Take a product off sale (it is kept for the purchases that name it)")
            .Answers<ProductoResponse>(200, "The product, now with `activo: false`.")
            .Fails(404, 409));

    public static readonly HotspotRoute ListPerfilesMikrotik = new("ListPerfilesMikrotik", ["GET"], $"{Admin}/routers/{{routerId}}/perfiles-mikrotik", AuthKind.Session, Handle.With<ProductCatalog>(CatalogEndpoints.ProfilesAsync),
        new RouteContract("The MikroTik router's hotspot user profiles, read from the router")
            .Answers<IReadOnlyList<PerfilMikrotik>>(200, "The profiles.")
            .Fails(404, 422, 503));

    public static readonly HotspotRoute PortalConfigJs = new("PortalConfigJs", ["GET"], $"{Admin}/routers/{{routerId}}/portal/config.js", AuthKind.Session, Handle.With<PortalSetup>(PortalSetupEndpoints.ConfigScriptAsync),
        new RouteContract("The MikroTik portal's config.js for this router (portal/mikrotik/)")
            .Describe("API base URL and enabled providers; the router's API key is shown only when issued, so the file carries a placeholder to replace with a key of scope `portal` (never an `integracion` key: every guest can read this file).")
            .AnswersText(200, "The file, to upload beside the portal's pages.", MediaTypes.JavaScript)
            .Fails(404, 409));

    public static readonly HotspotRoute PortalWalledGarden = new("PortalWalledGarden", ["GET"], $"{Admin}/routers/{{routerId}}/portal/walled-garden", AuthKind.Session, Handle.With<PortalSetup>(PortalSetupEndpoints.WalledGardenAsync),
        new RouteContract("RouterOS commands letting guests reach this API and the enabled payment providers before login")
            .AnswersText(200, "A RouterOS script; running it again replaces its own entries (comment hotspot-api).", MediaTypes.PlainText)
            .Fails(404, 409));

    public static readonly HotspotRoute PortalRadiusSetup = new("PortalRadiusSetup", ["GET"], $"{Admin}/routers/{{routerId}}/portal/radius-setup", AuthKind.Session, Handle.With<PortalSetup>(PortalSetupEndpoints.RadiusSetupAsync),
        new RouteContract("RouterOS commands that put a RADIUS router's hotspot in RADIUS mode against the deployment's FreeRADIUS")
            .Describe("The router's identity (its NAS-Identifier), the /radius entry (the server's IP from Hotspot:Radius:ServerAddress, timeout 3 s) and the hotspot profiles (use-radius, accounting, interim from the server, CHAP, cookie and mac-cookie logins). The identity and the shared secret are placeholders: neither is ever in a download. 409 for a router reached over its API.")
            .AnswersText(200, "A RouterOS script; running it again replaces its own /radius entry (comment hotspot-radius).", MediaTypes.PlainText)
            .Fails(404, 409));

    public static readonly HotspotRoute PublicConfig = new("PublicConfig", ["GET"], "/api/v1/config/public", AuthKind.PortalKey, Handle.With<PublicCatalog>(CatalogEndpoints.ConfigAsync),
        new RouteContract("What a portal page needs to know of its company and router (pagos_hotspot_api's shape)")
            .Answers<ConfigPublica>(200, "The company, the router and the payment providers on offer.")
            .Fails(403));

    public static readonly HotspotRoute CatalogoVenta = new("CatalogoVenta", ["GET"], "/api/v1/catalogo_perfiles_venta", AuthKind.PortalKey, Handle.With<PublicCatalog>(CatalogEndpoints.OnSaleAsync),
        new RouteContract("The products on sale at the key's router, in the operator's order (pagos_hotspot_api's shape)")
            .Answers<IReadOnlyList<ProductoEnVenta>>(200, "Active products, by `orden_visual` then `destacado`.")
            .Fails(403));

    public static readonly HotspotRoute CatalogoVentaItem = new("CatalogoVentaItem", ["GET"], "/api/v1/catalogo_perfiles_venta/{productoId}", AuthKind.PortalKey, Handle.With<PublicCatalog>(CatalogEndpoints.OnSaleItemAsync),
        new RouteContract("One product on sale at the key's router")
            .Answers<ProductoEnVenta>(200, "The product.")
            .Fails(403, 404));

    public static readonly HotspotRoute CreateCompra = new("CreateCompra", ["POST"], "/api/v1/compras", AuthKind.PortalKey, Handle.With<PurchaseCheckout>(CompraEndpoints.CreateAsync),
        new RouteContract("Start a purchase of a product on sale at the key's router")
            .Describe("Header `Idempotency-Key` (required, at most 255 characters): the same key and body answer the same body again (with `Idempotent-Replayed: true`); the same key with another body is 409. Amount, currency and time come from the product. The buyer pays at `pago.url_pago`.")
            .Accepts<CompraRequest>()
            .Answers<CompraCreada>(201, "The purchase, its consult token and where to pay.")
            .Fails(403, 404, 409, 503));

    public static readonly HotspotRoute GetCompra = new("GetCompra", ["GET"], "/api/v1/compras/{idCompra}", AuthKind.PortalKey, Handle.With<PurchaseStatus>(CompraEndpoints.GetAsync),
        new RouteContract("A purchase's state, receipt and, once provisioned, the hotspot credentials")
            .Describe("Header `X-Compra-Token`: the purchase's `token_consulta`. An unknown purchase and a wrong token both answer 404. `usuario_hotspot` is null until `estado` is `provisionada`.")
            .Answers<CompraEstado>(200, "The purchase as the buyer sees it, with a Spanish `mensaje` to show.")
            .Fails(404));

    public static readonly HotspotRoute AbandonarCompra = new("AbandonarCompra", ["POST"], "/api/v1/compras/{idCompra}/abandonar", AuthKind.PortalKey, Handle.With<PurchaseStatus>(CompraEndpoints.AbandonAsync),
        new RouteContract("The buyer gives up an unpaid purchase (creada, pendiente_pago or en_proceso)")
            .Describe("Header `X-Compra-Token`: the purchase's `token_consulta`. The provider is asked first, then the checkout is closed there (Stripe expires the session, Mercado Pago's preference expires now) and the purchase becomes `cancelada`. A purchase paid meanwhile is not cancelled: it answers as it is (`aprobada`, `provisionada`), and a payment that arrives later (a cash ticket already issued) still provisions it; the same token finds it. Any other state answers unchanged. An unknown purchase and a wrong token both answer 404.")
            .Answers<CompraEstado>(200, "The purchase as the buyer sees it now, with its `mensaje`.")
            .Fails(404, 503));

    public static readonly HotspotRoute CompraRetorno = new("CompraRetorno", ["GET"], "/api/v1/compras/{idCompra}/retorno", AuthKind.Anonymous, Handle.With<PurchaseStatus>(CompraEndpoints.ReturnAsync),
        new RouteContract("Where the payment provider sends the buyer back")
            .WithQuery("t", "The purchase's consult token.", required: true)
            .WithQuery("resultado", "ok, fallo or pendiente, as the provider was told. `fallo` (the buyer cancelled or was declined) of a purchase the provider still calls open closes its checkout there and cancels the purchase at once; the others are informative.")
            .AnswersEmpty(302, "On to the router's login page with `var=<id_compra>.<token>` (and `dst`).")
            .Fails(404));

    public static readonly HotspotRoute PaymentWebhook = new("PaymentWebhook", ["POST"], "/api/v1/webhooks/{proveedor}/{empresaId}", AuthKind.Anonymous, Handle.With<PurchaseWebhooks>(CompraEndpoints.WebhookAsync),
        new RouteContract("A payment provider's notification (mercado_pago or stripe)")
            .Describe("Checked on the raw body and headers with the company's webhook secret before anything is read (Mercado Pago `x-signature`, Stripe `Stripe-Signature`); the provider is then asked for the truth.")
            .Accepts(new JsonObject { ["type"] = "object" }, [MediaTypes.Json])
            .Answers<WebhookRecibido>(200, "Verified and handled (also a duplicate, or one that names no purchase of ours).")
            .Fails(401, 404, 503));

    public static readonly HotspotRoute ConfigurePagos = new("ConfigurePagos", ["PUT"], $"{Admin}/empresas/{{empresaId}}/pagos/{{proveedor}}", AuthKind.Session, Handle.With<PaymentSettings>(CompraEndpoints.ConfigurePaymentsAsync),
        new RouteContract("Set a company's credentials at a payment provider (write-only)")
            .Accepts<PagoConfigRequest>()
            .Answers<PagoConfigRespuesta>(200, "What is configured (never a secret) and the webhook URL to paste in the provider's dashboard.")
            .Fails(404));

    public static readonly HotspotRoute RefundCompra = new("RefundCompra", ["POST"], $"{Admin}/compras/{{idCompra}}/reembolso", AuthKind.Session, Handle.With<PurchaseRefunds>(CompraEndpoints.RefundAsync),
        new RouteContract("Refund a purchase, in full (no `monto`) or in part")
            .Describe("Idempotent: an optional `Idempotency-Key` header repeats the same refund; a refund cut short is completed by the next request. A full refund removes the access.")
            .Accepts<ReembolsoRequest>()
            .Answers<ReembolsoRespuesta>(200, "The refund and the purchase's state.")
            .Fails(404, 409, 503));

    public static readonly HotspotRoute ListCompras = new("ListCompras", ["GET"], $"{Admin}/compras", AuthKind.Session, Handle.With<SalesReports>(SalesEndpoints.ListAsync),
        SalesFilters(new RouteContract("Purchases, newest first, each with its history (a cliente_admin sees its company's)").Paged())
            .Answers<PageResponse<CompraVenta>>(200, "A page of purchases.")
            .Fails(404, 422));

    public static readonly HotspotRoute GetCompraAdmin = new("GetCompraAdmin", ["GET"], $"{Admin}/compras/{{idCompra}}", AuthKind.Session, Handle.With<SalesReports>(SalesEndpoints.GetAsync),
        new RouteContract("One purchase with its history and refunds")
            .Answers<CompraVenta>(200, "The purchase.")
            .Fails(404));

    public static readonly HotspotRoute VentasCsv = new("VentasCsv", ["GET"], $"{Admin}/ventas.csv", AuthKind.Session, Handle.With<SalesReports>(SalesEndpoints.CsvAsync),
        SalesFilters(new RouteContract("The purchases as a CSV file (RFC 4180, UTF-8, safe to open in a spreadsheet)"))
            .AnswersFile(200, "One line per purchase after a header, streamed.", MediaTypes.Csv)
            .Fails(404, 422));

    public static readonly HotspotRoute VentasResumen = new("VentasResumen", ["GET"], $"{Admin}/ventas/resumen", AuthKind.Session, Handle.With<SalesReports>(SalesEndpoints.SummaryAsync),
        SalesFilters(new RouteContract("Gross, refunds, chargebacks and net per currency; purchases per state; the money by day, product or router"))
            .WithQuery("agrupar", "dia (default, UTC day of creation), producto or router.")
            .Answers<ResumenVentas>(200, "The summary.")
            .Fails(404, 422));

    public static readonly HotspotRoute AutoReconnect = new("AutoReconnect", ["POST"], "/api/v1/hotspot/auto-reconnect", AuthKind.PortalKey, Handle.With<AutoReconnection>(AutoReconnectEndpoint.PostAsync),
        new RouteContract("Reconnect a returning device whose MAC was randomized (seed 000)")
            .Describe("Always HTTP 200 for a connection outcome: read `estado` and `auto_conexion`.")
            .Accepts<AutoReconnectRequest>(SeedExamples.ReconnectRequest)
            .Answers<AutoReconnectResponse>(200, "The outcome, in seed 000's shape.",
                ("connected", SeedExamples.ReconnectConnected),
                ("expired", SeedExamples.ReconnectExpired),
                ("inactive_company", SeedExamples.ReconnectInactiveCompany)));

    public static readonly HotspotRoute RouterKeyInfo = new("RouterKeyInfo", ["GET"], "/api/v1/hotspot/router", AuthKind.PortalKey, RouterKeyEndpoints.WhoAmIAsync,
        new RouteContract("Which router and company a key names")
            .Answers<RouterKeyInfo>(200, "The key's router and company."));

    public static readonly HotspotRoute UnifiAuthorize = new("UnifiAuthorize", ["POST"], "/api/v1/unifi/authorize", AuthKind.IntegrationKey, Handle.With<UnifiGuestAccess>(UnifiPortalEndpoints.AuthorizeAsync),
        new RouteContract("Authorize a UniFi guest (custom portals, seed 003)")
            .Accepts<UnifiAuthorizeRequest>()
            .Answers<UnifiGuestResponse>(200, "The guest's authorization.")
            .Fails(403, 502, 503));

    public static readonly HotspotRoute UnifiClient = new("UnifiClient", ["GET"], "/api/v1/unifi/clients/{mac}", AuthKind.IntegrationKey, Handle.With<UnifiGuestAccess>(UnifiPortalEndpoints.GetClientAsync),
        new RouteContract("A UniFi guest's authorization and usage")
            .WithQuery("site", "The UniFi site (default: the router's).")
            .Answers<UnifiGuestResponse>(200, "The guest.")
            .Fails(403, 404, 422, 502, 503));

    public static readonly HotspotRoute UnifiUnauthorize = new("UnifiUnauthorize", ["POST"], "/api/v1/unifi/unauthorize", AuthKind.IntegrationKey, Handle.With<UnifiGuestAccess>(UnifiPortalEndpoints.UnauthorizeAsync),
        new RouteContract("Revoke a UniFi guest's authorization")
            .Accepts<UnifiUnauthorizeRequest>()
            .Answers<UnifiUnauthorizeResponse>(200, "Whether an authorization was revoked.")
            .Fails(403, 502, 503));

    public static readonly HotspotRoute PortalLogin = new("PortalLogin", ["POST"], "/api/v1/portal_login", AuthKind.IntegrationKey, Handle.With<PortalLogins>(PortalLoginEndpoints.PostAsync),
        new RouteContract("Log a guest in from a portal (seed 001)")
            .Describe("`data` is a JSON string holding uid, ap_mac, mac, ip and the optional fields.")
            .Accepts<PortalLoginBody>(SeedExamples.PortalLoginRequest)
            .Answers<PortalLoginResponse>(201, "The portal session, echoing the request with `page_id`.", ("seed", SeedExamples.PortalLoginCreated))
            .Fails(403));

    public static readonly HotspotRoute GetPortalLogin = new("GetPortalLogin", ["GET"], "/api/v1/portal_login/{pageId}", AuthKind.IntegrationKey, Handle.With<PortalLogins>(PortalLoginEndpoints.GetAsync),
        new RouteContract("A portal session and its state")
            .Answers<PortalSessionView>(200, "The session.")
            .Fails(404));

    public static readonly HotspotRoute EndPortalLogin = new("EndPortalLogin", ["DELETE"], "/api/v1/portal_login/{pageId}", AuthKind.IntegrationKey, Handle.With<PortalLogins>(PortalLoginEndpoints.DeleteAsync),
        new RouteContract("Log the session's device out")
            .AnswersEmpty(204, "Logged out.")
            .Fails(404));

    public static readonly HotspotRoute RadiusAuthorize = new("RadiusAuthorize", ["POST"], "/api/v1/radius/authorize", AuthKind.RadiusSecret, Handle.With<RadiusAuthorization>(RadiusEndpoints.AuthorizeAsync),
        new RouteContract("FreeRADIUS rlm_rest authorize: an Access-Request's password and reply attributes, or a refusal")
            .Describe("Body: rlm_rest's `body = json` request list. Answer: rlm_rest's reply shape (`control:Cleartext-Password`, `reply:Session-Timeout`, … or `control:Auth-Type` Reject with `reply:Reply-Message`).")
            .Accepts(RadiusSchemas.Attributes, [MediaTypes.Json])
            .AnswersWithSchema(200, "The decision, in rlm_rest's reply shape.", RadiusSchemas.Attributes)
            .Fails(400));

    public static readonly HotspotRoute RadiusAccounting = new("RadiusAccounting", ["POST"], "/api/v1/radius/accounting", AuthKind.RadiusSecret, Handle.With<RadiusAccounting>(RadiusEndpoints.AccountingAsync),
        new RouteContract("FreeRADIUS rlm_rest accounting: fold Start, Interim-Update and Stop into the session, once per Acct-Session-Id")
            .Accepts(RadiusSchemas.Attributes, [MediaTypes.Json])
            .AnswersEmpty(204, "Recorded (or nothing to record); FreeRADIUS answers Accounting-Response.")
            .Fails(400));

    public static readonly HotspotRoute ActionApi = new("ActionApi", ["GET", "POST"], "/api", AuthKind.Anonymous, Handle.With<RouterActions>(ActionEndpoint.HandleAsync),
        new RouteContract("Seed 002's action API: vouchers and guest data")
            .Describe("Parameters in the query (GET) or a JSON or form body (POST), as the router's `api_acciones` allow. Answers in seed 002's shape.")
            .AuthenticatesWith(SecurityScheme.ActionApiKeyParameter, SecurityScheme.RouterApiKeyHeader)
            .WithQuery("action", "The action (GET).")
            .Accepts(ActionApiSchemas.Request, [MediaTypes.Json, MediaTypes.Form], SeedExamples.CreateVoucherRequest)
            .AnswersWithSchema(200, "The action's answer.", ActionApiSchemas.Answer,
                ("voucher_created", SeedExamples.VoucherCreated), ("voucher_removed", SeedExamples.VoucherRemoved), ("active_guests", SeedExamples.ActiveGuests))
            .AnswersWithSchema(400, "A parameter is missing or invalid (`No username set`, …).", ActionApiSchemas.Answer)
            .AnswersWithSchema(401, "`API Key is incorrect` or `API Key not set or method not allowed`.", ActionApiSchemas.Answer)
            .AnswersWithSchema(403, "`API is not enabled`, or the method is switched off.", ActionApiSchemas.Answer)
            .AnswersWithSchema(404, "`Username doesn't exist`.", ActionApiSchemas.Answer)
            .AnswersWithSchema(409, "`Username already exists`.", ActionApiSchemas.Answer)
            .AnswersWithSchema(500, "`An error occurred`.", ActionApiSchemas.Answer));

    public static readonly HotspotRoute UnifiGuestPortal = new("UnifiGuestPortal", ["GET"], "/guest/s/{site}", AuthKind.Anonymous, Handle.With<UnifiGuestPortal>(UnifiGuestPortalEndpoints.ShowAsync),
        GuestPage(new RouteContract("The UniFi guest portal page (external portal)")));

    public static readonly HotspotRoute UnifiGuestPortalAccept = new("UnifiGuestPortalAccept", ["POST"], "/guest/s/{site}", AuthKind.Anonymous, Handle.With<UnifiGuestPortal>(UnifiGuestPortalEndpoints.SubmitAsync),
        GuestPage(new RouteContract("Accept the terms, redeem a voucher, buy or abandon a purchase on the UniFi guest page"))
            .Accepts(GuestPageForm, [MediaTypes.Form])
            .AnswersEmpty(302, "Online: on to the guest's original `url`; or (buy) on to the provider's checkout, the purchase kept in the page's cookie.")
            .AnswersHtml(401, "The voucher was not accepted.")
            .AnswersHtml(403, "Free access is off, or the voucher is not valid now.")
            .AnswersHtml(422, "The device is not connected to this site.")
            .AnswersHtml(429, "Too many voucher attempts.")
            .AnswersHtml(502, "The controller refused.")
            .AnswersHtml(503, "The controller is unavailable."));

    public static readonly HotspotRoute ConsoleFiles = new("ConsoleFiles", ["GET"], "/console/{*path}", AuthKind.Anonymous, ConsoleEndpoint.GetAsync,
        new RouteContract("The operator console: static HTML, CSS and JavaScript over this REST API")
            .Describe("`/console/` is the page; it signs in with `POST /api/v1/auth/login` and keeps the token in the tab's sessionStorage. Every file answers with a strict Content-Security-Policy (no inline script), `X-Content-Type-Options: nosniff`, `Cache-Control: no-cache` and an `ETag` (304 on `If-None-Match`).")
            .AnswersHtml(200, "The file (HTML, CSS, JavaScript or SVG, by its extension).")
            .AnswersEmpty(304, "Unchanged since the `ETag` presented.")
            .Fails(404));

    public static readonly HotspotRoute CreateLoteFichas = new("CreateLoteFichas", ["POST"], $"{Admin}/routers/{{routerId}}/lotes-fichas", AuthKind.Session, Handle.With<VoucherBatches>(LoteEndpoints.CreateAsync),
        new RouteContract("Create a batch of fichas to print: real vouchers of the router, used like seed 002's (a cajero may)")
            .Describe("Header `Idempotency-Key` (required, at most 255 characters): the same key and body answer the same batch again with 200 and `Idempotent-Replayed: true`; the same key with another body is 409. Codes are the prefix and 8 characters of " + LoteRules.Alphabet + " (no 0/O, 1/I/l); the guest types the code as user and password. A batch the router cuts short is undone whole.")
            .Accepts<LoteRequest>()
            .Answers<LoteResponse>(201, "Created, with its ledger.")
            .Answers<LoteResponse>(200, "A replay of the same Idempotency-Key.")
            .Fails(404, 409, 503));

    public static readonly HotspotRoute ListLotesFichas = new("ListLotesFichas", ["GET"], $"{Admin}/routers/{{routerId}}/lotes-fichas", AuthKind.Session, Handle.With<VoucherBatches>(LoteEndpoints.ListAsync),
        new RouteContract("A router's batches, oldest first, each with its ledger (printed, sold, used, expired)").Paged()
            .Answers<PageResponse<LoteResponse>>(200, "A page of batches.")
            .Fails(404, 422));

    public static readonly HotspotRoute GetLoteFichas = new("GetLoteFichas", ["GET"], $"{Admin}/routers/{{routerId}}/lotes-fichas/{{loteId}}", AuthKind.Session, Handle.With<VoucherBatches>(LoteEndpoints.GetAsync),
        new RouteContract("One batch with its ledger")
            .Answers<LoteResponse>(200, "The batch.")
            .Fails(404));

    public static readonly HotspotRoute ListFichasLote = new("ListFichasLote", ["GET"], $"{Admin}/routers/{{routerId}}/lotes-fichas/{{loteId}}/fichas", AuthKind.Session, Handle.With<VoucherBatches>(LoteEndpoints.FichasAsync),
        new RouteContract("A batch's fichas, to print").Paged()
            .Answers<PageResponse<FichaLote>>(200, "A page of fichas.")
            .Fails(404, 422));

    public static readonly HotspotRoute MarcarLoteImpreso = new("MarcarLoteImpreso", ["POST"], $"{Admin}/routers/{{routerId}}/lotes-fichas/{{loteId}}/impreso", AuthKind.Session, Handle.With<VoucherBatches>(LoteEndpoints.PrintedAsync),
        new RouteContract("Mark a batch printed (again: no change)")
            .Answers<LoteResponse>(200, "The batch, with `impreso_en`.")
            .Fails(404, 409));

    public static readonly HotspotRoute VenderFicha = new("VenderFicha", ["POST"], $"{Admin}/routers/{{routerId}}/lotes-fichas/{{loteId}}/fichas/{{codigo}}/vender", AuthKind.Session, Handle.With<VoucherBatches>(LoteEndpoints.SellAsync),
        new RouteContract("Sell one ficha over the counter: a cash sale recorded for the caller")
            .Accepts<VentaRequest>()
            .Answers<VentaMostrador>(201, "The sale.")
            .Fails(404, 409));

    public static readonly HotspotRoute CorteCaja = new("CorteCaja", ["GET"], $"{Admin}/ventas-mostrador/corte", AuthKind.Session, Handle.With<CashierShift>(LoteEndpoints.ShiftAsync),
        new RouteContract("The end-of-shift cash report: the caller's own counter sales, count and total per currency, with each sale")
            .WithQuery("desde", "From: a date (from 00:00 in the company's time zone) or an ISO 8601 time; default today's start.")
            .WithQuery("hasta", "Until: a date (through its last second in the company's time zone) or an ISO 8601 time; default now.")
            .Answers<CorteCaja>(200, "The report.")
            .Fails(422));

    public static IReadOnlyList<HotspotRoute> All { get; } =
    [
        Health, OpenApiDocument,
        Login, Logout, ChangePassword,
        CreateEmpresa, ListEmpresas, GetEmpresa, UpdateEmpresa, GetMiEmpresa, UpdateMiEmpresa,
        CreateUsuario, ListUsuarios, GetUsuario, UpdateUsuario,
        CreateRouter, RegenerateRadiusToken, ListRouters, GetRouter, UpdateRouter, DeleteRouter,
        TestRouterConnection,
        GetMarcaEmpresa, PutMarcaEmpresa, GetMarcaRouter, PutMarcaRouter, DeleteMarcaRouter,
        PutMarcaEmpresaLogo, DeleteMarcaEmpresaLogo, PutMarcaRouterLogo, DeleteMarcaRouterLogo, MarcaLogo,
        IssueApiKey, ListApiKeys, RegenerateApiKey, GetApiKey, RevokeApiKey,
        ListAudit,
        SweepRouter,
        CreateProducto, ListProductos, GetProducto, UpdateProducto, DeactivateProducto, ListPerfilesMikrotik,
        PortalConfigJs, PortalWalledGarden, PortalRadiusSetup,
        PublicConfig, CatalogoVenta, CatalogoVentaItem,
        CreateCompra, GetCompra, AbandonarCompra, CompraRetorno, PaymentWebhook, ConfigurePagos, RefundCompra,
        ListCompras, GetCompraAdmin, VentasCsv, VentasResumen,
        AutoReconnect,
        RouterKeyInfo,
        UnifiAuthorize, UnifiClient, UnifiUnauthorize,
        UnifiGuestPortal, UnifiGuestPortalAccept,
        PortalLogin, GetPortalLogin, EndPortalLogin,
        ActionApi,
        RadiusAuthorize, RadiusAccounting,
        ConsoleFiles,
        CreateLoteFichas, ListLotesFichas, GetLoteFichas, ListFichasLote, MarcarLoteImpreso, VenderFicha, CorteCaja,
    ];

    private static RouteContract SalesFilters(RouteContract contract) => contract
        .WithQuery("empresa_id", "A super_admin's choice of company (default: all); a cliente_admin only its own.", type: "integer")
        .WithQuery("router_id", "Only this router's purchases.", type: "integer")
        .WithQuery("estado", "Only purchases in this state.")
        .WithQuery("desde", "Created at or after: a date (2026-12-01, from 00:00 UTC) or an ISO 8601 time.")
        .WithQuery("hasta", "Created at or before: a date (through 23:59:59 UTC) or an ISO 8601 time.");

    private static RouteContract LogoUpload(RouteContract contract) => contract
        .Describe($"The body is the image (at most {LogoImage.MaxBytes} bytes, each side at most {LogoImage.MaxSide} px): PNG, JPEG or WebP, its Content-Type matching what its first bytes are. SVG is refused (it can carry script). Guests' pages load it from `logo_url`.")
        .Accepts(new JsonObject { ["type"] = "string", ["contentMediaType"] = "image/png" }, [.. LogoImage.Accepted])
        .Answers<MarcaResponse>(200, "Saved; `logo_url` names the new picture.")
        .Fails(404, 422);

    private static RouteContract GuestPage(RouteContract contract) => contract
        .WithQuery("id", "The guest device's MAC, as UniFi redirects.", required: true)
        .WithQuery("ap", "The access point's MAC.")
        .WithQuery("ssid", "The network's name, shown on the page.")
        .WithQuery("url", "Where the guest was going; an http(s) URL.")
        .WithQuery("router", "Our router id, where the host name does not say it.")
        .WithQuery("var", "`{id_compra}.{token_consulta}`: the purchase the guest returns to from the provider (set by `/retorno`).")
        .AnswersHtml(200, "The page (Spanish or English by Accept-Language; works without JavaScript).")
        .AnswersHtml(400, "The device's MAC is missing or invalid.")
        .AnswersHtml(404, "Unknown router or site.");

    private static JsonObject GuestPageForm => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["mode"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("accept", "voucher", "buy", "abandon") },
            ["username"] = new JsonObject { ["type"] = "string", ["maxLength"] = 128 },
            ["passcode"] = new JsonObject { ["type"] = "string", ["maxLength"] = 128 },
            ["producto"] = new JsonObject { ["type"] = "string", ["description"] = "buy: the product's id." },
            ["proveedor"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("mercado_pago", "stripe") },
            ["key"] = new JsonObject { ["type"] = "string", ["description"] = "buy: the key the page gave the form (its idempotency key)." },
            ["compra"] = new JsonObject { ["type"] = "string", ["maxLength"] = 320, ["description"] = "abandon: `{id_compra}.{token_consulta}`." },
        },
    };
}
