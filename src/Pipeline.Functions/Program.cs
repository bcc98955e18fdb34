using Pipeline.Analysis;
using Pipeline.Core;
using Pipeline.Core.Processing;
using Pipeline.Functions.Api;
using Pipeline.Functions.CustomHandler;
using Pipeline.Functions.Dashboard;
using Pipeline.Functions.Hosting;
using Pipeline.Functions.Watcher;
using Pipeline.Storage;
using Pipeline.Storage.Configuration;

var builder = WebApplication.CreateSlimBuilder(args);
var config = builder.Configuration;

// Under the Functions host the app is a custom handler: the host picks the port and fires the triggers.
var functionsHostPort = config["FUNCTIONS_CUSTOMHANDLER_PORT"];
if (!string.IsNullOrEmpty(functionsHostPort))
{
    builder.WebHost.UseUrls($"http://127.0.0.1:{functionsHostPort}");
}

builder.Services.AddPipelineCore(config.GetSection(ProcessingOptions.SectionName));
builder.Services.AddTextAnalysis(config.GetSection(AnalysisOptions.SectionName));
builder.Services.AddPipelineStorage(config.GetSection(StorageOptions.SectionName));
builder.Services.AddPipelineHosting();
builder.Services.AddCustomHandler();
builder.Services.AddLocalWatcher(config.GetSection(WatcherOptions.SectionName), underFunctionsHost: functionsHostPort is not null);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapHealth();
app.MapQueryApi();
app.MapDashboard();
app.MapCustomHandler();

app.Run();

/// <summary>Entry point; public so WebApplicationFactory can host the app in tests.</summary>
public partial class Program;
