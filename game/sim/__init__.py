"""The rules of Danger Close: deterministic, headless, never imports pygame or pytmx."""
