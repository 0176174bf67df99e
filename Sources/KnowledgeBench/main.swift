print("KnowledgeBench: not built yet")
