"""Entity recognition: layered gazetteer, cue and shape recogniser for every language."""

from dossier.nlp.entities.roles import resolve_role
from dossier.nlp.entities.stage import EntityStage

__all__ = ["EntityStage", "resolve_role"]
