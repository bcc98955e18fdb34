var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.Run();

/// <summary>Entry point; public so WebApplicationFactory can host the app in tests.</summary>
public partial class Program;
