namespace TaxiHailing.EndToEnd.Tests;

/// <summary>A model of the test's own (plain executables) on the AppHost's DCP, with resource control.</summary>
internal static class SmallModel
{
    public static IDistributedApplicationTestingBuilder Create()
    {
        var builder = DistributedApplicationTestingBuilder.Create("AppHost:ControlPort=0");
        builder.AddResourceControl();
        return builder;
    }
}
