"""Fictional names for the demo system: any likeness to a real organisation is unintended."""

SYSTEM_NAMES = ["Northvale", "Southmoor", "Eastbrook", "Westfell", "Highcross", "Lowmarsh", "Kingsmere"]
PLACE_NAMES = [
    "Ashby", "Brackenford", "Carrow", "Dunmere", "Elderby", "Foxholt", "Greywell", "Hartlepoole",
    "Ivybridge Vale", "Juniper Cross", "Kestrelton", "Larkhill", "Millbrook", "Netherfield",
]
NEIGHBOURHOOD_SUFFIXES = ["North", "Central", "South", "East", "West", "Riverside"]
VCSE_NAMES = [
    "Age Concern", "Carers Network", "Home from Hospital Service", "Youth Trust", "Mind",
    "Foodbank Partnership", "Citizens Advice", "Community Transport", "Refugee Welcome",
]
CAPABILITIES = [
    ("compassion", "Compassionate leadership", "Attending, understanding, empathising and helping"),
    ("quality_improvement", "Quality improvement", "Leading continuous improvement with data"),
    ("staff_engagement", "Staff engagement", "Involving staff in decisions that affect their work"),
    ("cross_boundary", "Cross-boundary working", "Leading across organisations and sectors"),
    ("system_thinking", "System thinking", "Seeing the whole system a patient moves through"),
    ("inclusion", "Inclusive leadership", "Building teams that reflect and include their communities"),
    ("coaching", "Coaching", "Developing others through coaching conversations"),
    ("financial_stewardship", "Financial stewardship", "Using shared resources well across partners"),
]
FIRST_NAMES = [
    "Aisha", "Ben", "Chloe", "Daniel", "Emeka", "Fatima", "George", "Hannah", "Imran", "Jess", "Kwame", "Laura",
    "Mohammed", "Niamh", "Oliver", "Priya", "Qasim", "Rachel", "Sanjay", "Tom", "Uche", "Vicky", "Wei", "Yasmin",
    "Zara", "Amir", "Bethany", "Callum", "Deepa", "Ellie", "Farah", "Gareth", "Helen", "Ian", "Joanne", "Kiran",
]
SURNAMES = [
    "Adams", "Begum", "Clarke", "Davies", "Evans", "Francis", "Green", "Hussain", "Iqbal", "Johnson", "Khan", "Lewis",
    "Mensah", "Nowak", "Okafor", "Patel", "Quinn", "Roberts", "Singh", "Taylor", "Usman", "Walker", "Young", "Zhang",
    "Ahmed", "Brown", "Chen", "Dunn", "Edwards", "Fraser", "Hughes", "Jones", "Kaur", "Murphy", "Osei", "Shah",
]
