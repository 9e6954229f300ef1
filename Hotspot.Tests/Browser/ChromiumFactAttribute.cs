namespace Hotspot.Tests.Browser;

/// <summary>A test that needs Debian's <c>chromium</c>; reported as skipped (never as passed) where it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Executable is null)
        {
            Skip = "chromium is not installed (apt-get install chromium).";
        }
    }
}
