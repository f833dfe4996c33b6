using Platform.Metrics.Benchmarks;

// dotnet run -c Release --project benchmarks/Metrics -- ingest [events] [writers] [batch]
// dotnet run -c Release --project benchmarks/Metrics -- report [events]
var command = args.ElementAtOrDefault(0) ?? "ingest";
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index]) : fallback;

switch (command)
{
    case "ingest":
        await IngestionBenchmark.RunAsync(Arg(1, 1_000_000), Arg(2, 2), Arg(3, 5000));
        break;
    case "report":
        await ReportBenchmark.RunAsync(Arg(1, 10_000_000));
        break;
    default:
        Console.Error.WriteLine($"unknown command '{command}' (ingest | report)");
        return 2;
}

return 0;
