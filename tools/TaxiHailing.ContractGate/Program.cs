using TaxiHailing.ContractGate;

return GateCommand.Run(args, Console.Out, Console.Error);
