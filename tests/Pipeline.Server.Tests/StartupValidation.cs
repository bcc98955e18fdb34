using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Pipeline.Server.Tests;

/// <summary>
/// Starts a bare host on a free loopback port with one Add&lt;Thing&gt; and the given settings, and returns why its start
/// failed. A host of its own rather than WebApplicationFactory: under load the factory sometimes reports a failed
/// start as an ObjectDisposedException instead of the validation error.
/// </summary>
internal static class StartupValidation
{
    public static async Task<OptionsValidationException> FailureAsync(Action<WebApplicationBuilder> add, params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        add(builder);
        await using var app = builder.Build();
        return await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
    }
}
