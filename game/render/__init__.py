"""pygame drawing only: the render package reads the world and never changes it."""
