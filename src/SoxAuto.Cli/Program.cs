using SoxAuto.Cli;

return await SoxAutoCli.RunAsync(args, CliEnvironment.FromProcess(), CancellationToken.None);
