using Pipeline.Api;
using Pipeline.Api.Docs;
using Pipeline.Server;
using Pipeline.Server.Security;
using Pipeline.Server.Telemetry;

// appsettings.json sits beside the binary: run.sh and containers start the server from elsewhere.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddPipeline();
builder.AddConcurrentStart();
builder.AddLocalWatcher();
builder.AddHttpHardening();
builder.AddPipelineTelemetry();
builder.AddApiKey();
builder.AddPipelineApiDocs();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseHttpHardening();
app.UseApiKey();
app.UseStartupGate();
app.MapPipelineApi();
app.MapPipelineApiDocs();

app.Run();

/// <summary>Entry point; public so WebApplicationFactory can host the app in tests.</summary>
public partial class Program;
