using Platform.LlmSimulator.Hosting;

var app = SimulatorApplication.Create(args);
app.Run();
