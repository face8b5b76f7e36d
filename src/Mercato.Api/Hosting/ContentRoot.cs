namespace Mercato.Api.Hosting;

internal static class ContentRoot
{
    /// <summary>The folder holding wwwroot: the current directory if it has one, else the one beside the binaries.</summary>
    public static string? Find(string[] args)
    {
        // A host that names its own content root (the test factory does) keeps it.
        if (args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))) return null;
        var current = Directory.GetCurrentDirectory();
        if (Directory.Exists(Path.Combine(current, "wwwroot"))) return current;
        var project = Path.Combine(current, "src", "Mercato.Api");
        if (Directory.Exists(Path.Combine(project, "wwwroot"))) return project;
        return AppContext.BaseDirectory;
    }
}
