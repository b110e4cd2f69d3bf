"""Build the entity-ruler patterns (data/entity_patterns.jsonl) from the actor dictionary."""

from eventwire.resolve.entity_patterns import write_patterns

if __name__ == "__main__":
    print(f"wrote {write_patterns()}")
