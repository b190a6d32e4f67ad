using System.Text;

namespace TaxiHailing.Hosting;

/// <summary>
/// The AppHost's console: every resource's output prefixed with its name, state changes while starting, and the
/// resource table once everything is up and whenever a state changes after that.
/// </summary>
internal sealed class ResourceConsole(bool echo)
{
    private const string Self = "apphost";
    private static readonly string[] Colors = ["\e[36m", "\e[33m", "\e[35m", "\e[32m", "\e[34m", "\e[91m", "\e[96m", "\e[93m"];
    private readonly bool _colored = echo && !Console.IsOutputRedirected;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _colorOf = [];
    private IReadOnlyList<ResourceRunner> _runners = [];
    private int _width = Self.Length;
    private bool _tableShown;

    /// <summary>The AppHost's control API, shown under the table.</summary>
    public Uri? ControlApi { get; set; }

    public void Track(IReadOnlyList<ResourceRunner> runners)
    {
        _runners = runners;
        _width = Math.Max(Self.Length, runners.Max(runner => runner.Name.Length));
        for (var i = 0; i < runners.Count; i++) _colorOf[runners[i].Name] = Colors[i % Colors.Length];
    }

    public void Output(ResourceRunner runner, string line)
    {
        runner.Logs.Add(line);
        if (echo) Write(runner.Name, line);
    }

    public void Info(string message)
    {
        if (echo) Write(Self, message);
    }

    public void Error(string message)
    {
        lock (_gate) Console.Error.WriteLine(message);
    }

    public void StateChanged(ResourceRunner runner)
    {
        if (!echo) return;
        if (_tableShown) ShowTable();
        else Info($"{runner.Name}: {Describe(runner)}");
    }

    /// <summary>From now on state changes are reported a line each, as while starting.</summary>
    public void Stopping() => _tableShown = false;

    /// <summary>Shows the table now and after every later state change.</summary>
    public void ShowTable()
    {
        if (!echo) return;
        _tableShown = true;
        var nameWidth = Math.Max(8, _width);
        var kindWidth = Math.Max(4, _runners.Max(runner => runner.Kind.Length));
        var stateWidth = Math.Max(5, _runners.Max(runner => Describe(runner).Length));
        var table = new StringBuilder().AppendLine();
        table.AppendLine($"  {"Resource".PadRight(nameWidth)}  {"Type".PadRight(kindWidth)}  {"State".PadRight(stateWidth)}  Address");
        foreach (var runner in _runners)
        {
            table.AppendLine($"  {runner.Name.PadRight(nameWidth)}  {runner.Kind.PadRight(kindWidth)}  {Describe(runner).PadRight(stateWidth)}  {runner.Address}");
        }

        if (ControlApi is not null) table.AppendLine($"  Control API: {new Uri(ControlApi, "/api/resources")} (POST .../{{name}}/stop, start, freeze, resume)");
        lock (_gate) Console.Out.WriteLine(table.ToString());
    }

    private static string Describe(ResourceRunner runner) =>
        runner.StateDetail is null ? runner.State.ToString() : $"{runner.State} ({runner.StateDetail})";

    private void Write(string name, string line)
    {
        var prefix = name.PadRight(_width);
        lock (_gate)
        {
            if (_colored) Console.Out.WriteLine($"{_colorOf.GetValueOrDefault(name, "\e[1m")}{prefix}\e[0m | {line}");
            else Console.Out.WriteLine($"{prefix} | {line}");
        }
    }
}
