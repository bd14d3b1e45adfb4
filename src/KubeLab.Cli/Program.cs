using KubeLab.Cli;

return await CommandLine.Run(args);
