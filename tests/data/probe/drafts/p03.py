from build import Doc
d = Doc('p03', 'Quận Bình Thạnh: Hơn 71% hồ sơ được nộp trực tuyến toàn trình', '2023-10-12', ['Minh Quân'])
P = 'Thành phố Hồ Chí Minh'
d.locs = {
 'HCM': ('thành phố', 'province', 'Hồ Chí Minh', P, None),
 'BT': ('quận', 'district', 'Bình Thạnh', 'Quận Bình Thạnh', P),
 'P25': ('phường', 'commune', '25', 'Phường 25', P),
 'P13': ('phường', 'commune', '13', 'Phường 13', P),
 'TD': ('thành phố', 'district', 'Thủ Đức', 'Thành phố Thủ Đức', P),
 'Q3': ('quận', 'district', '3', 'Quận 3', P),
}
BT = 'Quận Bình Thạnh'
d.LOC = BT
d.L('Quận Bình Thạnh', 'BT')
d.F('71%', 'percentage', 71.0, metric='online_rate', q='gt', sl='full')
d.SL('toàn trình', ['full'])
# para 1
d.D('9 tháng đầu năm 2023', '2023-01/2023-09', 'interval')
d.P = '2023-01/2023-09'
d.L('Q. Bình Thạnh', 'BT')
d.L('TP.HCM', 'HCM')
d.F('186.542', 'dossier_count', 186542, 'hồ sơ thủ tục hành chính', 'received')
d.F('132.899', 'dossier_count', 132899, 'hồ sơ', 'online')
d.F('71,24%', 'percentage', 71.24, metric='online_rate')
# para 2
d.O('Lê Hoàng Phúc', 'Lê Hoàng Phúc', 'ông', ['Phó Chủ tịch UBND quận Bình Thạnh'])
d.L('quận Bình Thạnh', 'BT')
d.D('ngày 30/9/2023', '2023-09-30', 'day')
d.P = '2023-09-30'
d.F('196', 'quantity', 196, 'dịch vụ công trực tuyến', sl='full')
d.SL('toàn trình', ['full'])
d.F('47', 'quantity', 47, 'dịch vụ công trực tuyến', sl='partial')
d.SL('một phần', ['partial'])
d.F('20/20', 'quantity', 20, 'phường', total=20, tier='commune')
# para 3
d.D('9 tháng đầu năm 2023', '2023-01/2023-09', 'interval')
d.P = '2023-01/2023-09'
d.F('99,87%', 'percentage', 99.87, metric='on_time_rate', tier='district')
d.F('99,5%', 'percentage', 99.5, metric='on_time_rate', tier='commune')
d.F('20', 'quantity', 20, 'phường', tier='commune', ctx='Riêng 20 phường')
d.F('103 nghìn', 'dossier_count', 103000, 'hồ sơ', 'received', tier='commune')
d.L('Q. Bình Thạnh', 'BT')  # caption
# para 4
d.D('5/10', '2023-10-05', 'day')
d.P = '2023-10-05'
d.F('3', 'quantity', 3, 'ngày làm việc', ctx='3 ngày làm việc')
d.F('2', 'quantity', 2, 'lần', q='gt', ctx='ít nhất 2 lần')
d.L('P.25', 'P25')
# para 5
d.P = None
d.L('P.13', 'P13')
d.F('8.000', 'quantity', 8000, 'đồng')
# para 6: national
d.D('tháng 9/2023', '2023-09', 'month')
d.P = '2023-09'
d.LOC = None
d.F('4.400', 'quantity', 4400, 'dịch vụ công trực tuyến', q='approx', sl='full')
d.SL('toàn trình', ['full'])
d.F('45%', 'percentage', 45.0, metric='online_rate', q='approx')
# para 7
d.LOC = BT
d.O('Phúc', 'Lê Hoàng Phúc', 'ông', [], ctx='Ông Phúc')
d.D('năm 2023', '2023', 'year', ctx='cuối năm 2023')
d.P = '2023'
d.F('80%', 'percentage', 80.0, metric='online_rate', sl='full', target=True)
d.SL('toàn trình', ['full'])
d.D('12/10/2023', '2023-10-12', 'day')
# related
d.L('TP. Thủ Đức', 'TD')
d.L('Q.3', 'Q3')
d.F('98,9%', 'percentage', 98.9, metric='on_time_rate', period=None, loc='Quận 3')
d.write()
