namespace FleetTui.Ui.Views;

/// <summary>What a piece of chrome text means; presenters say the role, the view picks the theme's color.</summary>
public enum TextRole { Normal, Muted, Accent, Success, Warning, Error, Selected }
