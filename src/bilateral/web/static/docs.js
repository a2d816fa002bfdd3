// The OpenAPI reference, drawn by the vendored Swagger UI from this server's own schema.
window.addEventListener("load", function () {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true,
                           tryItOutEnabled: false, defaultModelsExpandDepth: 0 });
});
