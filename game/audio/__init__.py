"""Sound: effects synthesised with numpy at start-up, played through a mixer facade that
stays silent (never fails) when there is no sound device."""
