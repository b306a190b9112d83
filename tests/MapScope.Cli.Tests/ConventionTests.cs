using Spectre.Console;

namespace MapScope.Cli.Tests;

/// <summary>Path display and colour decisions shared by every command.</summary>
public class ConventionTests
{
    [Theory]
    [InlineData("/repo", "/repo/examples/cache/cache.go", "examples/cache/cache.go")]
    [InlineData("/repo", "./examples/../examples/x.go", "examples/x.go")]
    [InlineData("/repo", "x.go", "x.go")]
    [InlineData("/repo", "/elsewhere/x.go", "/elsewhere/x.go")]
    [InlineData("/repo", "../other/x.go", "../other/x.go")]
    [InlineData("/repo", "/repository/x.go", "/repository/x.go")]
    [InlineData("/repo", "-", "<stdin>")]
    public void DisplayPath_RelativeOnlyUnderTheWorkingDirectory(string cwd, string path, string expected)
    {
        Assert.Equal(expected, DisplayPaths.For(path, cwd));
    }

    [Theory]
    [InlineData(false, null, null, false)]
    [InlineData(true, null, null, true)]
    [InlineData(true, "1", null, false)]
    [InlineData(true, "", null, true)]   // no-color.org: only a non-empty NO_COLOR disables colour
    [InlineData(true, null, "dumb", false)]
    [InlineData(false, null, "xterm", false)]
    public void Color_OnlyOnATerminalWithoutNoColor(bool terminal, string? noColor, string? term, bool expected)
    {
        string? Env(string name) => name switch { "NO_COLOR" => noColor, "TERM" => term, _ => null };
        Assert.Equal(expected, ColorPolicy.ShouldColor(terminal, Env));
    }

    [Fact]
    public void StyledConsole_WritesNoEscapesWhenColourIsOff()
    {
        var writer = new StringWriter();
        StyledConsole.Create(writer, color: false).Markup("[red]cache.go[/]");
        Assert.Equal("cache.go", writer.ToString());
    }

    [Fact]
    public void StyledConsole_WritesEscapesWhenColourIsOn()
    {
        var writer = new StringWriter();
        StyledConsole.Create(writer, color: true).Markup("[red]cache.go[/]");
        Assert.Contains("\u001b[", writer.ToString());
        Assert.Contains("cache.go", writer.ToString());
    }
}
