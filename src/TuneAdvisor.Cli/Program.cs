using TuneAdvisor.Cli;

return await Cli.RunAsync(args, Console.Out, Console.Error, Console.In);
