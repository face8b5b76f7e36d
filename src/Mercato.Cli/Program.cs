using Mercato.Cli;

return await MercatoCli.Build(CliContext.Default()).Parse(args).InvokeAsync();
