using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Api;
using Pipeline.Api.Health;

namespace Pipeline.Server.Tests;

public sealed class ConcurrentStartTests
{
    [Fact]
    public async Task UseStartupGate_BeforeReady_Answers503WithRetryAfterExceptForHealth()
    {
        await using var app = await GatedAppAsync();
        using var client = app.GetTestClient();
        var readiness = app.Services.GetRequiredService<Readiness>();

        using var query = await client.GetAsync(new Uri("/api/articles", UriKind.Relative));
        using var health = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, query.StatusCode);
        Assert.Equal("1", query.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", query.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        readiness.MarkReady();
        using var after = await client.GetAsync(new Uri("/api/articles", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("articles", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AddConcurrentStart_ServiceWaitingForALaterOne_BothStart()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.AddConcurrentStart();
        var later = new SignallingService();
        builder.Services.AddHostedService(_ => new WaitingService(later.Started));
        builder.Services.AddHostedService(_ => later);
        await using var app = builder.Build();

        // One after another, the first would wait for the second for ever (here: until its 30 s timeout throws).
        await app.StartAsync();

        Assert.True(later.Started.IsCompleted);
    }

    private static async Task<WebApplication> GatedAppAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<Readiness>();
        var app = builder.Build();
        app.UseStartupGate();
        app.MapGet("/api/health", () => "health").WithName(ApiRoutes.Health);
        app.MapGet("/api/articles", () => "articles");
        await app.StartAsync();
        return app;
    }

    private sealed class SignallingService : IHostedService
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _started.TrySetResult();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class WaitingService(Task other) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => other.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
