namespace KubeLab.Site.Display;

/// <summary>The colour theme a learner chose; <see cref="System"/> follows the operating system's preference.</summary>
public enum Theme { System, Light, Dark }

/// <summary>
/// How this learner wants the site shown: a theme, and presenter mode (large type, high contrast, one pane at a time,
/// for a projector). The browser keeps them (localStorage, applied to &lt;html&gt; before the first paint by
/// js/display.js); this is the circuit's copy, which the header's controls load and change and pages subscribe to.
/// </summary>
public sealed class DisplayPreferences
{
    public Theme Theme { get; private set; }
    public bool Presenter { get; private set; }

    /// <summary>Raised after a change, on the thread that made it (a subscriber renders through its own InvokeAsync).</summary>
    public event Action? Changed;

    public void Set(Theme theme, bool presenter)
    {
        if (theme == Theme && presenter == Presenter) return;
        Theme = theme;
        Presenter = presenter;
        Changed?.Invoke();
    }
}

public static class DisplayServices
{
    public static IServiceCollection AddDisplay(this IServiceCollection services) => services.AddScoped<DisplayPreferences>();
}
