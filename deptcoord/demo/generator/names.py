"""Bilingual names for generated departments, titles and records."""

DIVISIONS = [
    ("MKT", "Marketing", "Marketing"),
    ("SAL", "Sales", "Kinh doanh"),
    ("PRD", "Product", "Sản phẩm"),
    ("CC", "Customer Care", "Chăm sóc khách hàng"),
    ("FIN", "Finance", "Tài chính"),
    ("HR", "Human Resources", "Nhân sự"),
    ("OPS", "Operations", "Vận hành"),
    ("IT", "Information Technology", "Công nghệ thông tin"),
    ("LEG", "Legal", "Pháp chế"),
    ("SCM", "Supply Chain", "Chuỗi cung ứng"),
    ("QA", "Quality Assurance", "Đảm bảo chất lượng"),
    ("RND", "Research and Development", "Nghiên cứu và Phát triển"),
]
TEAMS = [
    ("N", "North", "Miền Bắc"),
    ("S", "South", "Miền Nam"),
    ("C", "Central", "Miền Trung"),
    ("DIG", "Digital", "Kỹ thuật số"),
    ("ENT", "Enterprise", "Doanh nghiệp"),
    ("PLN", "Planning", "Kế hoạch"),
]
TITLES = [
    ("Specialist", "Chuyên viên"),
    ("Senior specialist", "Chuyên viên cao cấp"),
    ("Analyst", "Chuyên viên phân tích"),
    ("Executive", "Nhân viên"),
    ("Team lead", "Trưởng nhóm"),
    ("Engineer", "Kỹ sư"),
    ("Consultant", "Tư vấn viên"),
]
GOALS = [
    ("Grow revenue in {region}", "Tăng doanh thu tại {region_vi}"),
    ("Launch {product} on time", "Ra mắt {product} đúng kế hoạch"),
    (
        "Raise customer satisfaction for {product}",
        "Nâng cao mức hài lòng của khách hàng với {product}",
    ),
    ("Cut operating costs in {region}", "Giảm chi phí vận hành tại {region_vi}"),
    ("Build the {product} brand", "Xây dựng thương hiệu {product}"),
    ("Improve the sales plan for {product}", "Hoàn thiện kế hoạch kinh doanh {product}"),
    ("Shorten response time in {region}", "Rút ngắn thời gian phản hồi tại {region_vi}"),
]
KEY_RESULTS = [
    ("Signed contracts", "Số hợp đồng ký mới", "contracts"),
    ("Qualified leads", "Khách hàng tiềm năng đủ điều kiện", "leads"),
    ("Net promoter score", "Chỉ số NPS", "points"),
    ("Revenue", "Doanh thu", "VND"),
    ("Tickets closed within 24 hours", "Yêu cầu xử lý trong 24 giờ", "%"),
]
REGIONS = [
    ("Hà Nội", "Hà Nội"),
    ("Ho Chi Minh City", "TP.HCM"),
    ("Da Nang", "Đà Nẵng"),
    ("the Mekong Delta", "Đồng bằng sông Cửu Long"),
    ("Hai Phong", "Hải Phòng"),
]
PRODUCTS = ["SM Home", "SM Pay", "SM Care", "SM Go", "SM Office", "SM Learn"]
STEPS = [
    ("Draft the {thing}", "Soạn {thing_vi}"),
    ("Review the {thing}", "Rà soát {thing_vi}"),
    ("Approve the {thing}", "Phê duyệt {thing_vi}"),
    ("Prepare the {thing}", "Chuẩn bị {thing_vi}"),
    ("Send the {thing}", "Gửi {thing_vi}"),
]
THINGS = [
    ("launch plan", "kế hoạch ra mắt"),
    ("price list", "bảng giá"),
    ("campaign brief", "bản mô tả chiến dịch"),
    ("training deck", "tài liệu đào tạo"),
    ("customer FAQ", "bộ câu hỏi thường gặp"),
    ("budget request", "đề xuất ngân sách"),
    ("contract template", "mẫu hợp đồng"),
    ("weekly report", "báo cáo tuần"),
]
PROJECTS = [
    ("{product} launch in {region}", "Ra mắt {product} tại {region_vi}"),
    ("{product} dealer programme", "Chương trình đại lý {product}"),
    ("{product} customer care hotline", "Tổng đài chăm sóc khách hàng {product}"),
    ("{product} trade fair stand", "Gian hàng hội chợ {product}"),
    ("Online store for {product}", "Cửa hàng trực tuyến {product}"),
    ("{product} training for {region} staff", "Đào tạo {product} cho nhân viên {region_vi}"),
    ("Warehouse move in {region}", "Chuyển kho tại {region_vi}"),
]
REQUESTS = [
    ("Photos of {product} for the catalogue", "Ảnh {product} cho catalogue"),
    ("Price list for {region} dealers", "Bảng giá cho đại lý {region_vi}"),
    ("Two trainers for the {product} roadshow", "Hai giảng viên cho roadshow {product}"),
    ("Answers for the {product} FAQ", "Nội dung bộ câu hỏi thường gặp {product}"),
]
MEETINGS = [
    ("Weekly sync", "Giao ban tuần"),
    ("Monthly review", "Họp đánh giá tháng"),
    ("{product} launch check-in", "Họp tiến độ ra mắt {product}"),
    ("Sales pipeline review", "Rà soát danh sách cơ hội bán hàng"),
    ("Budget review", "Họp duyệt ngân sách"),
    ("Customer feedback round-up", "Tổng hợp góp ý của khách hàng"),
    ("Campaign planning", "Lập kế hoạch chiến dịch"),
]
AGENDA = [
    ("Last week's results", "Kết quả tuần trước"),
    ("Risks and blockers", "Rủi ro và vướng mắc"),
    ("Next steps", "Việc cần làm tiếp"),
    ("Budget and spend", "Ngân sách và chi tiêu"),
    ("Customer feedback", "Góp ý của khách hàng"),
]
EVENTS = [
    ("{product} launch day", "Ngày ra mắt {product}"),
    ("{product} campaign", "Chiến dịch {product}"),
    ("Vietnam ICT Expo", "Triển lãm ICT Việt Nam"),
    ("Quarter close", "Chốt số liệu quý"),
]
NOTES = [
    ("Meeting brief: {thing}", "Tóm tắt cuộc họp: {thing_vi}"),
    ("How we handle the {thing}", "Quy trình xử lý {thing_vi}"),
    ("Checklist for the {thing}", "Danh sách kiểm tra {thing_vi}"),
    ("Lessons from the {thing}", "Bài học từ {thing_vi}"),
    ("Decision on the {thing}", "Quyết định về {thing_vi}"),
]
NOTE_SENTENCES = [
    "Kế hoạch ra mắt {product} tại {region_vi} cần chốt trước cuối tháng.",
    "Khách hàng đại lý hỏi về chiết khấu và chính sách bảo hành của {product}.",
    "Báo cáo tuần này cho thấy doanh số {product} tăng so với tuần trước.",
    "The {product} launch plan for {region} needs sign-off by the end of the month.",
    "Dealers asked about discounts and the {product} warranty.",
    "Ngân sách quảng cáo quý này đã dùng hơn một nửa.",
    "Customer feedback on {product} is mostly positive; delivery times are the main complaint.",
    "Phòng Chăm sóc khách hàng đề nghị thêm một ca trực tổng đài cuối tuần.",
]
SKILLS = [
    (
        "Marketing",
        "Marketing",
        [
            ("Digital advertising", "Quảng cáo số"),
            ("Content writing", "Viết nội dung"),
            ("Market research", "Nghiên cứu thị trường"),
        ],
    ),
    (
        "Sales",
        "Kinh doanh",
        [
            ("Negotiation", "Đàm phán"),
            ("Key account management", "Quản lý khách hàng lớn"),
            ("Dealer management", "Quản lý đại lý"),
        ],
    ),
    (
        "Product",
        "Sản phẩm",
        [
            ("Product discovery", "Khám phá sản phẩm"),
            ("Quality testing", "Kiểm thử chất lượng"),
            ("Supplier management", "Quản lý nhà cung cấp"),
        ],
    ),
    (
        "General",
        "Chung",
        [
            ("Presentation", "Thuyết trình"),
            ("Spreadsheets", "Bảng tính"),
            ("English", "Tiếng Anh"),
            ("Project coordination", "Điều phối dự án"),
        ],
    ),
]
PRAISE = [
    "Cảm ơn anh/chị đã hỗ trợ đội {product} chuẩn bị buổi ra mắt tại {region_vi}.",
    "Bài thuyết trình về {product} rất rõ ràng, khách hàng đánh giá cao.",
    "Thanks for staying late to finish the {product} price list.",
    "Great job answering every customer ticket within a day this week.",
]
