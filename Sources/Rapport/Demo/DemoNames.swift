/// The words the demo builds its companies, people and subjects from.
enum DemoNames {
    static let companyStems = [
        "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Wonka", "Cyberdyne", "Soylent", "Tyrell",
        "Gringotts", "Hooli", "Vandelay", "Oscorp", "Aperture", "Massive", "Dunder", "Prestige", "Sterling", "Pied",
        "Nakatomi", "Monarch", "Blue Sun", "Virtucon", "Zorg", "Bluth", "Kramerica", "Ollivander", "Krusty", "Duff",
    ]
    static let companySuffixes = [
        "Logistics", "Systems", "Foods", "Health", "Energy", "Labs", "Retail", "Capital", "Media", "Motors",
        "Analytics", "Pharma", "Textiles", "Robotics", "Telecom", "Insurance", "Hotels", "Airlines", "Steel", "Games",
    ]
    static let industries = [
        "Manufacturing", "Retail", "Healthcare", "Finance", "Technology", "Energy", "Media", "Transportation",
        "Hospitality", "Education",
    ]
    static let countries = [
        "United States", "Germany", "United Kingdom", "France", "Japan", "Brazil", "India", "Canada", "Australia",
        "Netherlands",
    ]
    static let territories = ["North America", "EMEA", "APAC", "LATAM"]
    static let accountTypes = ["Customer", "Prospect", "Partner", "Reseller"]
    static let firstNames = [
        "Ada", "Grace", "Alan", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances", "Edsger", "Radia",
        "Tim", "Hedy", "Donald", "Katherine", "John", "Sophie", "Guido", "Anita", "Bjarne",
    ]
    static let lastNames = [
        "Lovelace", "Hopper", "Turing", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Allen", "Dijkstra",
        "Perlman", "Berners-Lee", "Lamarr", "Knuth", "Johnson", "McCarthy", "Wilson", "van Rossum", "Borg",
        "Stroustrup",
    ]
    static let titles = [
        "CEO", "CTO", "VP Sales", "Head of Procurement", "IT Manager", "Operations Director", "Buyer", "CFO",
    ]
    static let leadSources = ["Web", "Referral", "Trade Show", "Email", "Partner", "Phone Inquiry"]
    static let productLines = [
        "Platform Licence", "Support Plan", "Onboarding", "Analytics Add-on", "Hardware Refresh", "Renewal",
        "Expansion", "Training",
    ]
    static let caseSubjects = [
        "Cannot log in", "Invoice shows the wrong amount", "Export times out", "Data missing after sync",
        "Request for a new feature", "Password reset email not received", "Slow dashboard", "API returns 500",
        "Question about licence terms", "Integration stopped working",
    ]
    static let activitySubjects = [
        "Discovery call", "Follow-up email", "Demo meeting", "Pricing discussion", "Quarterly review",
        "Check-in call", "Contract questions", "Technical deep dive", "Site visit", "Note from conference",
    ]
    static let lossReasons = ["Price", "Chose a competitor", "No budget", "No decision", "Timing"]
    static let campaignTypes = ["Webinar", "Trade Show", "Email", "Advertisement", "Partner Event"]
}
