namespace TaxiHailing.Hosting;

/// <summary>
/// A private PostgreSQL server run by DCP from Debian's binaries, on a loopback port, with a throw-away data
/// directory. PostgreSQL refuses to run as root, so under root it runs as the 'postgres' user (through setpriv,
/// which execs it: the resource's process is postgres itself).
/// </summary>
public sealed class LocalPostgresServerResource(string name, string command, string workingDirectory, ParameterResource password, PostgresDataDirectory data)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string EndpointName = "tcp";
    internal const string UserName = "postgres";

    public ParameterResource Password { get; } = password;

    internal PostgresDataDirectory Data { get; } = data;

    public EndpointReference Endpoint => field ??= new EndpointReference(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={Endpoint.Property(EndpointProperty.Port)};Username={UserName};Password={Password}");
}
