"""Opponents and helpers that read the world and return commands; they never change it."""
