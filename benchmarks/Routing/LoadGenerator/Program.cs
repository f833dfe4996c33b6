using Platform.Routing.LoadGenerator;

// Usage:
//   load --url U --rate R --seconds S [--warmup W] [--header "name: value"]... [--body FILE] [--label L]
//   register-agent --budget http://host:port --agent ID [--tokens N]
return args.FirstOrDefault() switch
{
    "load" => await OpenLoopRun.MainAsync(Arguments.Parse(args[1..])),
    "register-agent" => await AgentSetup.MainAsync(Arguments.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: load --url U --rate R --seconds S [--warmup W] [--header 'k: v'] [--body FILE] [--label L]");
    Console.Error.WriteLine("       register-agent --budget URL --agent ID [--tokens N]");
    return 2;
}
