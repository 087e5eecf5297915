"""Documents from the registry: Registry + procedure -> view model -> template -> docx | md | html | xlsx | csv."""
