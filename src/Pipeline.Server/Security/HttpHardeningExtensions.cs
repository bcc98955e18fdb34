using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Api;

namespace Pipeline.Server.Security;

public static class HttpHardeningExtensions
{
    /// <summary>CORS for the configured origins only, request size limits and security headers (section "Http").</summary>
    public static TBuilder AddHttpHardening<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var section = builder.Configuration.GetSection(HttpHardeningOptions.SectionName);
        services.AddOptions<HttpHardeningOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HttpHardeningOptions>, HttpHardeningOptionsValidator>());

        // Kestrel's options are built before start-up validation runs: read the section unvalidated here and apply
        // only values in range, so an out-of-range one fails start with the validator's message, not Kestrel's.
        services.AddOptions<KestrelServerOptions>().Configure(kestrel =>
        {
            var limits = section.Get<HttpHardeningOptions>() ?? new HttpHardeningOptions();
            if (new HttpHardeningOptionsValidator().Validate(null, limits).Succeeded)
            {
                kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
                kestrel.Limits.MaxRequestHeadersTotalSize = limits.MaxRequestHeadersBytes;
            }
        });
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<HttpHardeningOptions>>((cors, hardening) =>
            cors.AddDefaultPolicy(policy =>
            {
                var origins = hardening.Value.CorsOrigins;
                _ = origins is ["*"] ? policy.AllowAnyOrigin() : policy.WithOrigins([.. origins]);
                policy.WithMethods(HttpMethods.Get, HttpMethods.Head)
                    .WithHeaders(ApiRoutes.KeyHeader, "If-None-Match")
                    .WithExposedHeaders("ETag");
            }));
        return builder;
    }

    /// <summary>Before the API key: a browser's preflight carries no key and is answered here.</summary>
    public static IApplicationBuilder UseHttpHardening(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app.UseCors();
    }
}
