namespace KubeLab.Site.Display;

/// <summary>The lesson player's panes; presenter mode shows one at a time.</summary>
public enum PlayerPane { Narration, Exchanges, Cluster }

public static class PlayerPanes
{
    /// <summary>The pane's label on its button, and its key (1, 2, 3 in this order).</summary>
    public static string Label(this PlayerPane pane) => pane switch
    {
        PlayerPane.Narration => "Narration",
        PlayerPane.Exchanges => "On the wire",
        _ => "Cluster",
    };

    public static string Id(this PlayerPane pane) => "pane-" + pane.ToString().ToLowerInvariant();
}
