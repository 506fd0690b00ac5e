namespace FleetTui.Ui.Layouts;

public enum FocusDirection { Left, Right, Up, Down }
